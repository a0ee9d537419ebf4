package dev.switchboard.slack.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SlackUsersTest {

    private static JsonObject answer(String profile, String realName) {
        return Json.createReader(new StringReader("""
                {"ok":true,"user":{"id":"U0MIA","team_id":"T0ACME","name":"mia","deleted":false,%s
                 "profile":%s,"is_bot":false}}""".formatted(realName == null ? "" : "\"real_name\":\"" + realName + "\",",
                profile))).readObject();
    }

    @Test
    void theDisplayNameComesFirst() {
        assertThat(SlackUsers.displayName(answer("{\"display_name\":\"Mia\",\"real_name\":\"Mia Jensen\"}", "Mia J")))
                .contains("Mia");
    }

    @Test
    void anEmptyDisplayNameFallsBackToTheRealName() {
        assertThat(SlackUsers.displayName(answer("{\"display_name\":\" \",\"real_name\":\"Mia Jensen\"}", null)))
                .contains("Mia Jensen");
        assertThat(SlackUsers.displayName(answer("{\"display_name\":\"\"}", "Mia J"))).contains("Mia J");
    }

    @Test
    void noNameIsNoName() {
        assertThat(SlackUsers.displayName(answer("{}", null))).isEmpty();
        assertThat(SlackUsers.displayName(Json.createObjectBuilder().add("ok", true).build())).isEmpty();
    }
}
