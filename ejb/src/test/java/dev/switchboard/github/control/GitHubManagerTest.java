package dev.switchboard.github.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.jobs.control.AgentTriggers;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Parser and decision together, as the manager runs them on stored deliveries. */
class GitHubManagerTest {

    private final GitHubManager manager = new GitHubManager(AgentTriggers.defaults());

    @Test
    void handlesGitHub() {
        assertThat(manager.platform()).isEqualTo(Platform.GITHUB);
    }

    @Test
    void aMentionInAnIssueCommentRequestsAJob() throws Exception {
        assertThat(manager.receive("issue_comment", event("github/issue_comment.created.json")))
                .isEqualTo(Outcome.processed(
                        "a job would be requested by octocat for octo-org/hello-world#42: comment on issue"));
    }

    @Test
    void aMentionInAPullRequestCommentRequestsAJobOnThePullRequest() throws Exception {
        assertThat(manager.receive("issue_comment", event("github/issue_comment.created.pull_request.json")))
                .isEqualTo(Outcome.processed(
                        "a job would be requested by octocat for octo-org/hello-world#57: comment on pull request"));
    }

    @Test
    void aCommentWithoutTheMentionIsIgnored() throws Exception {
        String payload = with(event("github/issue_comment.created.json"), "/comment/body",
                "Ask @openhands-bot or mail dev@openhands.dev");

        assertThat(manager.receive("issue_comment", payload))
                .isEqualTo(Outcome.ignored("comment does not mention @openhands"));
    }

    @Test
    void aMentionOnlyInAQuoteOrCodeIsIgnored() throws Exception {
        String payload = with(event("github/issue_comment.created.json"), "/comment/body",
                "> @openhands please add a null check\n\nI did it by hand, see `@openhands fix`.");

        assertThat(manager.receive("issue_comment", payload))
                .isEqualTo(Outcome.ignored("comment does not mention @openhands"));
    }

    @Test
    void aCommentByABotIsIgnoredEvenWhenItMentions() throws Exception {
        String payload = with(with(event("github/issue_comment.created.json"), "/sender/login", "dependabot[bot]"),
                "/sender/type", "Bot");

        assertThat(manager.receive("issue_comment", payload))
                .isEqualTo(Outcome.ignored("comment written by a bot (dependabot[bot])"));
    }

    @Test
    void aBotLoginIsRecognisedWithoutTheBotType() throws Exception {
        String payload = with(event("github/issue_comment.created.json"), "/sender/login", "renovate[bot]");

        assertThat(manager.receive("issue_comment", payload))
                .isEqualTo(Outcome.ignored("comment written by a bot (renovate[bot])"));
    }

    @Test
    void anEditedCommentIsIgnored() throws Exception {
        String payload = with(event("github/issue_comment.created.json"), "/action", "edited");

        assertThat(manager.receive("issue_comment", payload))
                .isEqualTo(Outcome.ignored("issue_comment action 'edited' is not handled"));
    }

    @Test
    void theAgentLabelRequestsAJob() throws Exception {
        assertThat(manager.receive("issues", event("github/issues.labeled.json")))
                .isEqualTo(Outcome.processed(
                        "a job would be requested by mona for octo-org/hello-world#42: issue labeled openhands"));
    }

    @Test
    void anotherLabelIsIgnored() throws Exception {
        String payload = with(event("github/issues.labeled.json"), "/label/name", "bug");

        assertThat(manager.receive("issues", payload)).isEqualTo(Outcome.ignored("label 'bug' is not openhands"));
    }

    @Test
    void aConfiguredLabelReplacesTheDefault() throws Exception {
        GitHubManager custom = new GitHubManager(new AgentTriggers("@openhands", "agent"));

        assertThat(custom.receive("issues", event("github/issues.labeled.json")))
                .isEqualTo(Outcome.ignored("label 'openhands' is not agent"));
        assertThat(custom.receive("issues", with(event("github/issues.labeled.json"), "/label/name", "Agent")))
                .isEqualTo(Outcome.processed(
                        "a job would be requested by mona for octo-org/hello-world#42: issue labeled Agent"));
    }

    @Test
    void aLabelAddedByABotIsIgnored() throws Exception {
        String payload = with(with(event("github/issues.labeled.json"), "/sender/login", "github-actions[bot]"),
                "/sender/type", "Bot");

        assertThat(manager.receive("issues", payload))
                .isEqualTo(Outcome.ignored("label added by a bot (github-actions[bot])"));
    }

    @Test
    void aNewIssueWhoseBodyMentionsRequestsAJob() throws Exception {
        assertThat(manager.receive("issues", event("github/issues.opened.json")))
                .isEqualTo(Outcome.processed("a job would be requested by hubot for octo-org/hello-world#43: "
                        + "new issue mentioning @openhands"));
    }

    @Test
    void aNewIssueWithoutBodyIsIgnored() throws Exception {
        String payload = with(event("github/issues.opened.json"), "/issue/body", JsonValue.NULL);

        assertThat(manager.receive("issues", payload))
                .isEqualTo(Outcome.ignored("issue body does not mention @openhands"));
    }

    @Test
    void anInlineReviewCommentRequestsAJobWithFileAndLine() throws Exception {
        assertThat(manager.receive("pull_request_review_comment",
                event("github/pull_request_review_comment.created.json")))
                .isEqualTo(Outcome.processed("a job would be requested by octocat for octo-org/hello-world#57: "
                        + "review comment on src/main/java/org/example/HttpClient.java:12"));
    }

    @Test
    void aFileLevelReviewCommentNamesOnlyTheFile() throws Exception {
        String payload = without(without(event("github/pull_request_review_comment.created.json"), "/comment/line"),
                "/comment/original_line");

        assertThat(manager.receive("pull_request_review_comment", payload))
                .isEqualTo(Outcome.processed("a job would be requested by octocat for octo-org/hello-world#57: "
                        + "review comment on src/main/java/org/example/HttpClient.java"));
    }

    @Test
    void aReviewCommentWithoutMentionIsIgnored() throws Exception {
        String payload = with(event("github/pull_request_review_comment.created.json"), "/comment/body", "nit: typo");

        assertThat(manager.receive("pull_request_review_comment", payload))
                .isEqualTo(Outcome.ignored("review comment does not mention @openhands"));
    }

    @Test
    void aReviewWhoseBodyMentionsRequestsAJob() throws Exception {
        assertThat(manager.receive("pull_request_review", event("github/pull_request_review.submitted.json")))
                .isEqualTo(Outcome.processed("a job would be requested by octocat for octo-org/hello-world#57: "
                        + "pull request review (changes_requested)"));
    }

    @Test
    void aBareApprovalIsIgnored() throws Exception {
        String payload = with(with(event("github/pull_request_review.submitted.json"), "/review/body",
                JsonValue.NULL), "/review/state", "approved");

        assertThat(manager.receive("pull_request_review", payload))
                .isEqualTo(Outcome.ignored("review does not mention @openhands"));
    }

    @Test
    void pingIsIgnored() throws Exception {
        assertThat(manager.receive("ping", event("github/ping.json")))
                .isEqualTo(Outcome.ignored("event 'ping' is not handled"));
    }

    @Test
    void aMalformedPayloadPropagates() {
        String payload = without(event("github/issue_comment.created.json"), "/comment/body");

        assertThatThrownBy(() -> manager.receive("issue_comment", payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("comment.body");
    }
}
