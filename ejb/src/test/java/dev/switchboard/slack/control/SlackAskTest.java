package dev.switchboard.slack.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlackAskTest {

    private static final List<String> ACCESSIBLE = List.of("acme/api", "acme/web");
    private static final SlackAsk ASK = new SlackAsk("T0ACME", "C0DEV", "U0MIA", "<@U0BOT> fix the api repo",
            "1700000000.000500", "1700000000.000100", true, List.of("U0BOT"));

    @Test
    void theTextNamesTheRepositoryUntilOneIsChosen() {
        assertThat(ASK.chosenRepository()).isNull();
        assertThat(ASK.repositories(ACCESSIBLE)).containsExactly("acme/api");
        assertThat(ASK.choosing("acme/web").repositories(ACCESSIBLE)).containsExactly("acme/web");
    }

    @Test
    void aChoiceNoLongerAccessibleNamesNothing() {
        assertThat(ASK.choosing("acme/gone").repositories(ACCESSIBLE)).isEmpty();
    }

    @Test
    void choosingKeepsTheRequestAndItsMessage() {
        SlackAsk chosen = ASK.choosing("acme/web");

        assertThat(chosen.text()).isEqualTo(ASK.text());
        assertThat(chosen.threadKey()).isEqualTo(ASK.threadKey());
        assertThat(chosen.message()).isEqualTo(new SlackMessageRef("T0ACME", "C0DEV", "1700000000.000500"));
    }
}
