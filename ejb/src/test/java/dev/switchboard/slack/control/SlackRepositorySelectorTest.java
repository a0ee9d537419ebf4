package dev.switchboard.slack.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlackRepositorySelectorTest {

    private static final List<String> THREE = List.of("acme/api", "acme/web", "tools/api-docs");

    private static List<String> many(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "acme/service-" + i).toList();
    }

    private static JsonObject select(JsonObject message) {
        JsonObject actions = message.getJsonArray("blocks").getJsonObject(1);
        assertThat(actions.getString("type")).isEqualTo("actions");
        return actions.getJsonArray("elements").getJsonObject(0);
    }

    private static List<String> values(JsonObject withOptions) {
        return withOptions.getJsonArray("options").stream()
                .map(o -> o.asJsonObject().getString("value")).toList();
    }

    @Test
    void noMatchOffersEveryAccessibleRepositoryInAStaticSelectUnderABlockNamingTheDelivery() {
        JsonObject message = SlackRepositorySelector.message("d-42", "U0MIA", List.of(), THREE);

        JsonObject select = select(message);
        assertThat(select.getString("type")).isEqualTo("static_select");
        assertThat(select.getString("action_id")).isEqualTo(SlackRepositorySelector.ACTION_ID);
        assertThat(values(select)).containsExactlyElementsOf(THREE);
        assertThat(select.getJsonArray("options").getJsonObject(0).getJsonObject("text").getString("type"))
                .isEqualTo("plain_text");
        assertThat(message.getJsonArray("blocks").getJsonObject(1).getString("block_id"))
                .isEqualTo("repository-selector:d-42");
        assertThat(message.getString("text")).startsWith("<@U0MIA> Which repository").contains("owner/repo");
        assertThat(SlackRepositorySelector.offered(message.toString())).containsExactlyElementsOf(THREE);
    }

    @Test
    void severalMatchesOfferOnlyThose() {
        JsonObject message = SlackRepositorySelector.message("d-1", "U0MIA", List.of("acme/api", "tools/api-docs"),
                THREE);

        assertThat(values(select(message))).containsExactly("acme/api", "tools/api-docs");
        assertThat(message.getJsonArray("blocks").getJsonObject(0).getJsonObject("text").getString("text"))
                .contains("several repositories");
    }

    @Test
    void aHundredFitAStaticSelectAndMoreNeedTypeAhead() {
        assertThat(select(SlackRepositorySelector.message("d", "U", List.of(), many(100))).getString("type"))
                .isEqualTo("static_select");

        JsonObject external = select(SlackRepositorySelector.message("d", "U", List.of(), many(101)));
        assertThat(external.getString("type")).isEqualTo("external_select");
        assertThat(external.containsKey("options")).isFalse();
        assertThat(external.getInt("min_query_length")).isZero();
    }

    @Test
    void slackIsNotSentTheOfferedList() {
        JsonObject message = SlackRepositorySelector.message("d", "U", List.of(), many(150));

        JsonObject sent = SlackRepositorySelector.forSlack(message);
        assertThat(sent.keySet()).containsExactlyInAnyOrder("text", "blocks");
        assertThat(SlackRepositorySelector.offered(message.toString())).hasSize(150);
    }

    @Test
    void suggestionsAreTheFirstHundredContainingTheQueryIgnoringCase() {
        List<String> offered = many(250);

        assertThat(values(SlackRepositorySelector.suggestions(offered, "SERVICE-2")))
                .startsWith("acme/service-2", "acme/service-20", "acme/service-21")
                .contains("acme/service-249").doesNotContain("acme/service-12").hasSize(1 + 10 + 51);
        assertThat(values(SlackRepositorySelector.suggestions(offered, ""))).hasSize(100)
                .startsWith("acme/service-1", "acme/service-2");
        assertThat(values(SlackRepositorySelector.suggestions(offered, "  service-249 ")))
                .containsExactly("acme/service-249");
        assertThat(values(SlackRepositorySelector.suggestions(offered, "nothing"))).isEmpty();
        assertThat(values(SlackRepositorySelector.suggestions(offered, null))).hasSize(100);
    }

    @Test
    void longNamesAreClippedInTheTextButNotInTheValue() {
        String name = "an-organisation-with-a-long-name/" + "r".repeat(90);
        JsonObject option = SlackRepositorySelector.suggestions(List.of(name), "").getJsonArray("options")
                .getJsonObject(0);

        assertThat(option.getJsonObject("text").getString("text")).hasSize(75).startsWith("…").endsWith("rrr");
        assertThat(option.getString("value")).isEqualTo(name);
    }

    @Test
    void aBlockNamesItsDeliveryOnlyWhenItIsTheSelector() {
        assertThat(SlackRepositorySelector.deliveryOf("repository-selector:3f2a")).contains("3f2a");
        assertThat(SlackRepositorySelector.deliveryOf("repository-selector:")).isEmpty();
        assertThat(SlackRepositorySelector.deliveryOf("repo_block")).isEmpty();
        assertThat(SlackRepositorySelector.deliveryOf(null)).isEmpty();
    }

    @Test
    void theChosenMessageSaysWhatIsWorkedOnAndDropsTheSelect() {
        JsonObject chosen = SlackRepositorySelector.chosen("U0MIA", "acme/a&b");

        assertThat(chosen.getString("text")).isEqualTo("<@U0MIA> chose `acme/a&amp;b`. Working on acme/a&amp;b …");
        assertThat(chosen.getJsonArray("blocks")).hasSize(1);
        assertThat(chosen.getJsonArray("blocks").getJsonObject(0).getString("type")).isEqualTo("section");
    }

    @Test
    void aStoredBodyWithoutAListOffersNothing() {
        assertThat(SlackRepositorySelector.offered("{\"text\":\"x\"}")).isEmpty();
        assertThat(SlackRepositorySelector.offered("{\"repositories\":{}}")).isEmpty();
        assertThat(JsonValue.EMPTY_JSON_OBJECT.containsKey("repositories")).isFalse();
    }
}
