package dev.switchboard.slack.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.slack.control.SlackPrompt.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackPromptTest {

    private static final List<String> APP = List.of("U0BOT");

    @Test
    void theRequestLosesTheAppMentionAndKeepsEverythingElse() {
        String prompt = SlackPrompt.build("acme/api", "U123", "<@U0BOT> fix the flaky test in acme/api, ask <@U777>",
                "1700000000.000100", List.of(), APP);
        assertThat(prompt).contains("by @U123").contains("Repository: acme/api")
                .contains("The request:\nfix the flaky test in acme/api, ask @U777\n").doesNotContain("U0BOT")
                .doesNotContain("Earlier messages");
    }

    @Test
    void theRequesterIsNamedAsSlackShowsThemWhenKnown() {
        assertThat(SlackPrompt.build(null, "U1", "Mia Jensen", "hi", null, List.of(), APP))
                .startsWith("You were asked for help in a Slack conversation by Mia Jensen (@U1).");
        assertThat(SlackPrompt.build(null, "U1", null, "hi", null, List.of(), APP))
                .startsWith("You were asked for help in a Slack conversation by @U1.");
    }

    @Test
    void withoutARepositoryNoneIsNamed() {
        assertThat(SlackPrompt.build(null, "U1", "hi", null, List.of(), APP)).doesNotContain("Repository:");
    }

    @Test
    void theThreadsEarlierMessagesComeOldestFirstAndStopBeforeTheRequest() {
        List<Message> thread = List.of(
                new Message("U1", "the build is red", "1700000000.000001"),
                new Message("U2", "since <https://ci.acme.dev/42|build 42>", "1700000000.000002"),
                new Message("U123", "<@U0BOT> fix it", "1700000000.000003"),
                new Message("U3", "a later reply", "1700000000.000004"));
        String prompt = SlackPrompt.build("acme/api", "U123", "<@U0BOT> fix it", "1700000000.000003", thread, APP);
        assertThat(prompt).contains("Earlier messages in the thread (oldest first):")
                .contains("@U1 wrote:\nthe build is red")
                .contains("@U2 wrote:\nsince build 42 (https://ci.acme.dev/42)")
                .doesNotContain("a later reply");
        assertThat(prompt.indexOf("the build is red")).isLessThan(prompt.indexOf("since build 42"));
        assertThat(prompt.indexOf("since build 42")).isLessThan(prompt.indexOf("The request:"));
    }

    @Test
    void onlyTheNewestTwentyEarlierMessagesAreKept() {
        List<Message> thread = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            thread.add(new Message("U" + i, "message number " + i + ".", "1700000000." + String.format("%06d", i)));
        }
        String prompt = SlackPrompt.build(null, "U9", "<@U0BOT> sum it up", "1700000001.000000", thread, APP);
        assertThat(prompt).contains("5 earlier ones left out").doesNotContain("message number 5.")
                .contains("message number 6.").contains("message number 25.");
    }

    @Test
    void timestampsCompareAsNumbersNotAsText() {
        assertThat(SlackPrompt.compareTs("999.000001", "1000.000001")).isNegative();
        assertThat(SlackPrompt.compareTs("1700000000.000010", "1700000000.000010")).isZero();
    }

    @Test
    void slackEscapesAndEmptyMessagesAreHandled() {
        assertThat(SlackPrompt.plain("a &lt;b&gt; &amp; c", List.of())).isEqualTo("a <b> & c");
        assertThat(SlackPrompt.plain("<https://x.dev>", List.of())).isEqualTo("https://x.dev");
        assertThat(SlackPrompt.plain("<@U0BOT|switchboard> go", APP)).isEqualTo("go");
        assertThat(SlackPrompt.before(List.of(new Message("U1", " ", "1.0")), "2.0")).isEmpty();
    }
}
