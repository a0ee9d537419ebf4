package dev.switchboard.jira.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.jobs.control.AgentTriggers;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parser and decision together, as the manager runs them on stored deliveries. */
class JiraManagerTest {

    private static final String AGENT = "712020:0c1f8f5e-agent";
    private static final String SERVICE = "712020:9d8e7f6a-switchboard";

    private final JiraManager manager = new JiraManager(AgentTriggers.defaults(),
            new JiraAccounts(Optional.of(AGENT), Optional.of(SERVICE)));

    private static String comment(String body) {
        return with(event("jira/comment_created.json"), "/comment/body", body);
    }

    @Test
    void handlesJira() {
        assertThat(manager.platform()).isEqualTo(Platform.JIRA);
    }

    @Test
    void aTypedMentionRequestsAJob() throws Exception {
        assertThat(manager.receive("comment_created", event("jira/comment_created.json")))
                .isEqualTo(Outcome.processed("a job would be requested by Priya Raman for BILL-128 on "
                        + "https://acme.atlassian.net: comment on issue"));
    }

    @Test
    void aUserPickerMentionOfTheAgentAccountRequestsAJob() throws Exception {
        assertThat(manager.receive("comment_created", comment("[~accountid:" + AGENT + "] please fix the export")))
                .isEqualTo(Outcome.processed("a job would be requested by Priya Raman for BILL-128 on "
                        + "https://acme.atlassian.net: comment on issue"));
    }

    @Test
    void aUserPickerMentionOfSomeoneElseIsNotARequest() throws Exception {
        assertThat(manager.receive("comment_created", comment("[~accountid:557058:f00d] can you check?")))
                .isEqualTo(Outcome.ignored("comment does not mention @openhands"));
    }

    @Test
    void userPickerMentionsCountOnlyWhenTheAgentAccountIsConfigured() throws Exception {
        JiraManager unconfigured = new JiraManager(AgentTriggers.defaults(), JiraAccounts.none());

        assertThat(unconfigured.receive("comment_created", comment("[~accountid:" + AGENT + "] please fix it")))
                .isEqualTo(Outcome.ignored("comment does not mention @openhands"));
    }

    @Test
    void mentionsInsideJiraQuotesAndCodeAreIgnored() throws Exception {
        String body = "{quote}@openhands fix the export{quote}\n"
                + "bq. @openhands once more\n"
                + "{code:java}// @openhands{code}\n"
                + "{noformat}@openhands{noformat} and {{@openhands}} - that is how you ask it.";

        assertThat(manager.receive("comment_created", comment(body)))
                .isEqualTo(Outcome.ignored("comment does not mention @openhands"));
    }

    @Test
    void theServiceAccountsOwnCommentsAreIgnored() throws Exception {
        String payload = with(event("jira/comment_created.json"), "/comment/author/accountId", SERVICE);

        assertThat(manager.receive("comment_created", payload))
                .isEqualTo(Outcome.ignored("comment written by the service account (" + SERVICE + ")"));
    }

    @Test
    void commentsByAppsAreIgnored() throws Exception {
        String payload = with(with(event("jira/comment_created.json"), "/comment/author/accountType", "app"),
                "/comment/author/displayName", "Automation for Jira");

        assertThat(manager.receive("comment_created", payload))
                .isEqualTo(Outcome.ignored("comment written by an app (Automation for Jira)"));
    }

    @Test
    void anAuthorWithoutDisplayNameIsNamedByAccountId() throws Exception {
        String payload = without(event("jira/comment_created.json"), "/comment/author/displayName");

        assertThat(manager.receive("comment_created", payload))
                .isEqualTo(Outcome.processed("a job would be requested by 5b10ac8d82e05b22cc7d4ef5 for BILL-128 on "
                        + "https://acme.atlassian.net: comment on issue"));
    }

    @Test
    void theAgentLabelAddedRequestsAJob() throws Exception {
        assertThat(manager.receive("jira:issue_updated", event("jira/jira_issue_updated.labels.json")))
                .isEqualTo(Outcome.processed("a job would be requested by Tomás Ortega for BILL-128 on "
                        + "https://acme.atlassian.net: issue labeled openhands"));
    }

    @Test
    void otherLabelsAddedAreIgnored() throws Exception {
        String payload = with(event("jira/jira_issue_updated.labels.json"), "/changelog/items/0/toString",
                "backend csv regression");

        assertThat(manager.receive("jira:issue_updated", payload))
                .isEqualTo(Outcome.ignored("label 'regression' is not openhands"));
    }

    @Test
    void removingTheAgentLabelIsNotARequest() throws Exception {
        String payload = with(with(event("jira/jira_issue_updated.labels.json"),
                "/changelog/items/0/fromString", "backend csv openhands"),
                "/changelog/items/0/toString", "backend csv");

        assertThat(manager.receive("jira:issue_updated", payload)).isEqualTo(Outcome.ignored("no label was added"));
    }

    @Test
    void otherEventsAreIgnored() throws Exception {
        assertThat(manager.receive("jira:issue_created", event("jira/jira_issue_updated.labels.json")))
                .isEqualTo(Outcome.ignored("event 'jira:issue_created' is not handled"));
    }

    @Test
    void aMalformedPayloadPropagates() {
        String payload = without(event("jira/comment_created.json"), "/issue/key");

        assertThatThrownBy(() -> manager.receive("comment_created", payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field 'issue.key' is missing");
    }
}
