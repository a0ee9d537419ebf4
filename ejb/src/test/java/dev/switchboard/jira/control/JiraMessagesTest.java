package dev.switchboard.jira.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.jobs.control.AgentState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The messages as Jira receives them: wiki markup (v2, Data Center) and ADF (v3, Cloud). */
class JiraMessagesTest {

    private static final String LINK = "https://agent.example.com/conversations/abc123";

    @Test
    void theAcknowledgementLinksTheConversationInBothFormats() {
        String text = JiraMessages.onIt(LINK);
        assertThat(JiraMarkdown.toWiki(text)).isEqualTo("I'm on it\\! You can [track my progress here|" + LINK + "].");
        assertThat(JiraMarkdown.toAdf(text).toString()).contains("\"text\":\"track my progress here\"")
                .contains("\"href\":\"" + LINK + "\"").contains("I'm on it! You can ");
    }

    @Test
    void theSummaryCarriesTheAgentsMarkdownAsJiraMarkup() {
        String text = JiraMessages.stateChanged(AgentState.FINISHED,
                "Fixed the flaky test:\n\n* waits for the port\n* `OrderIT` passes 50 times", LINK);
        assertThat(JiraMarkdown.toWiki(text)).isEqualTo("""
                *Done.*

                Fixed the flaky test:

                * waits for the port
                * {{OrderIT}} passes 50 times

                Everything I did is in [the conversation|%s].""".formatted(LINK));
        assertThat(JiraMarkdown.toAdf(text).toString()).contains("\"type\":\"bulletList\"").contains("\"type\":\"code\"")
                .contains("\"type\":\"strong\"");
    }

    @Test
    void waitingAndErrorsQuoteTheAgent() {
        assertThat(JiraMarkdown.toWiki(JiraMessages.stateChanged(AgentState.AWAITING_INPUT, "Which branch?", LINK)))
                .isEqualTo("*I need your input to go on.*\n\n{quote}\nWhich branch?\n{quote}\n\nPlease answer in "
                        + "[the conversation|" + LINK + "].");
        assertThat(JiraMessages.stateChanged(AgentState.ERROR, null, LINK))
                .isEqualTo("**I ran into an error and stopped.**\n\nDetails are in [the conversation](" + LINK + ").");
        assertThat(JiraMessages.stateChanged(AgentState.STOPPED, "ignored", LINK)).contains("stopped").contains(LINK);
        assertThat(JiraMessages.stateChanged(AgentState.RATE_LIMITED, null, LINK)).contains("rate-limiting");
        assertThat(JiraMessages.stateChanged(AgentState.RUNNING, "busy", LINK)).isNull();
    }

    @ParameterizedTest
    @EnumSource(AgentState.class)
    void noMessageCouldAskForAJob(AgentState state) {
        String text = String.join("\n", String.valueOf(JiraMessages.stateChanged(state, "all good", LINK)),
                JiraMessages.onIt(LINK), JiraMessages.couldNotStart(),
                JiraMessages.connectAccount("Mia", "https://sb.example.com/api/oauth/jira/authorize"),
                JiraMessages.whichRepository("Mia", List.of("acme/api", "acme/web"), List.of("acme/docs")));
        assertThat(text).doesNotContainIgnoringCase("@openhands");
    }

    @Test
    void askingForTheRepositoryNamesTheCandidatesAndDefaults() {
        assertThat(JiraMarkdown.toWiki(JiraMessages.whichRepository("Mia", List.of("acme/api", "acme/web"),
                List.of("acme/docs")))).isEqualTo("Mia, which repository should I work in? You named several: "
                + "{{acme/api}}, {{acme/web}}. Mention me again with the repository's name ({{owner/repo}}) or its URL. "
                + "This site's repositories: {{acme/docs}}.");
        assertThat(JiraMessages.whichRepository("Mia", List.of(), List.of())).contains("I found none")
                .doesNotContain("This site's repositories");
    }

    @Test
    void theTargetRoundTrips() {
        JiraTarget target = new JiraTarget("https://acme.atlassian.net", "w-1", "API-7", "10107", "Mia", "gitlab");
        assertThat(JiraTarget.from(target.toJson())).isEqualTo(target);
        JiraTarget bare = new JiraTarget("https://jira.example.com/jira", null, "OPS-1", null, "Ops", null);
        assertThat(JiraTarget.from(bare.toJson())).isEqualTo(bare);
        assertThat(bare.browseUrl()).isEqualTo("https://jira.example.com/jira/browse/OPS-1");
    }
}
