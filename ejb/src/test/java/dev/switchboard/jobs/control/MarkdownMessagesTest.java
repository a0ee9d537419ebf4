package dev.switchboard.jobs.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownMessagesTest {

    private static final String LINK = "https://agent.example.com/conversations/c1";

    @Test
    void theSummaryOfAFinishedJobCarriesTheMessageAndTheLink() {
        assertThat(MarkdownMessages.stateChanged(AgentState.FINISHED, "alice", "Added a limit.\n", LINK))
                .isEqualTo("@alice I'm done.\n\nAdded a limit.\n\n[See the whole conversation](" + LINK + ")");
    }

    @Test
    void everyStateButRunningGetsAWord() {
        for (AgentState state : AgentState.values()) {
            String text = MarkdownMessages.stateChanged(state, "alice", "a\nb", LINK);
            if (state == AgentState.RUNNING) {
                assertThat(text).isNull();
            } else {
                assertThat(text).as(state.id()).startsWith("@alice ").contains(LINK);
            }
        }
        assertThat(MarkdownMessages.stateChanged(AgentState.AWAITING_INPUT, "alice", "Which branch?\nmain?", LINK))
                .contains("> Which branch?\n> main?");
    }

    @Test
    void theConnectReplyNamesThePlatform() {
        assertThat(MarkdownMessages.connectAccount("alice", "GitLab", "https://sb.example.com/api/oauth/gitlab/authorize"))
                .startsWith("@alice ").contains("linked to GitLab").contains("/api/oauth/gitlab/authorize");
    }
}
