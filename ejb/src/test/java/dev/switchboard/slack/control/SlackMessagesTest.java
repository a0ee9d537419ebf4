package dev.switchboard.slack.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.jobs.control.AgentState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessagesTest {

    private static final String LINK = "https://agent.example/conversations/c1";

    @Test
    void theAcknowledgementMentionsTheRequesterAndLinksTheConversation() {
        assertThat(SlackMessages.onIt("U123", LINK))
                .isEqualTo("<@U123> I'm on it! You can track my progress <" + LINK + "|here>.");
    }

    @Test
    void theSummaryTranslatesTheAgentsMarkdownToMrkdwn() {
        String text = SlackMessages.stateChanged(AgentState.FINISHED, "U123",
                "## Done\nFixed **the flaky test** in [App.java](https://github.com/acme/api/blob/main/App.java).\n"
                        + "~~old~~ new", LINK);
        assertThat(text).startsWith("<@U123> I'm done.\n\n*Done*\n")
                .contains("Fixed *the flaky test* in <https://github.com/acme/api/blob/main/App.java|App.java>.")
                .contains("~old~ new")
                .endsWith("<" + LINK + "|See the whole conversation>");
    }

    @Test
    void whatTheAgentWritesCannotPingChannelsOrForgeLinks() {
        String text = SlackMessages.stateChanged(AgentState.FINISHED, "U1", "hey <!channel> & <http://evil|ok>", LINK);
        assertThat(text).contains("hey &lt;!channel&gt; &amp; &lt;http://evil|ok&gt;").doesNotContain("<!channel>");
    }

    @Test
    void codeBlocksAreKeptAsTheyAre() {
        assertThat(SlackMessages.mrkdwn("Run:\n```\nmvn **verify**\n```\n**done**"))
                .isEqualTo("Run:\n```\nmvn **verify**\n```\n*done*");
    }

    @Test
    void everyStateWorthTellingIsSaidWithTheLink() {
        assertThat(SlackMessages.stateChanged(AgentState.AWAITING_INPUT, "U1", "Which branch?\nmain or dev", LINK))
                .contains("waiting for your input").contains("> Which branch?\n> main or dev").contains(LINK);
        assertThat(SlackMessages.stateChanged(AgentState.ERROR, "U1", "out of disk", LINK))
                .contains("ran into an error").contains("> out of disk").contains(LINK);
        assertThat(SlackMessages.stateChanged(AgentState.STOPPED, "U1", null, LINK)).contains("stopped").contains(LINK);
        assertThat(SlackMessages.stateChanged(AgentState.RATE_LIMITED, "U1", null, LINK)).contains("rate-limited");
        assertThat(SlackMessages.stateChanged(AgentState.FINISHED, "U1", null, LINK)).isEqualTo(
                "<@U1> I'm done.\n\n<" + LINK + "|See the whole conversation>");
        assertThat(SlackMessages.stateChanged(AgentState.RUNNING, "U1", null, LINK)).isNull();
    }

    @Test
    void theRepositoryQuestionListsTheCandidates() {
        assertThat(SlackMessages.nameTheRepository("U1", List.of())).contains("Which repository").contains("`owner/repo`");
        assertThat(SlackMessages.nameTheRepository("U1", List.of("acme/api", "other/api")))
                .contains("`acme/api`, `other/api`").contains("`owner/repo`");
    }

    @Test
    void theConnectMessageLinksTheAuthorization() {
        assertThat(SlackMessages.connectAccount("http://sb.example/api/oauth/slack/authorize"))
                .contains("<http://sb.example/api/oauth/slack/authorize|Connect your account>");
    }
}
