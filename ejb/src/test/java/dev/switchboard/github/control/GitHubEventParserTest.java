package dev.switchboard.github.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.github.control.GitHubEvent.IssueComment;
import dev.switchboard.github.control.GitHubEvent.IssueLabeled;
import dev.switchboard.github.control.GitHubEvent.IssueOpened;
import dev.switchboard.github.control.GitHubEvent.PullRequestReview;
import dev.switchboard.github.control.GitHubEvent.PullRequestReviewComment;
import dev.switchboard.github.control.GitHubEvent.Repository;
import dev.switchboard.github.control.GitHubEvent.Sender;
import dev.switchboard.github.control.GitHubEvent.Unsupported;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubEventParserTest {

    @Test
    void readsAnIssueComment() throws Exception {
        GitHubEvent parsed = GitHubEventParser.parse("issue_comment", event("github/issue_comment.created.json"));

        assertThat(parsed).isEqualTo(new IssueComment(new Repository("octo-org/hello-world", 48211937L), 42, false,
                2007512345L, "@openhands please add a null check and a regression test.",
                new Sender("octocat", "User", 1L)));
    }

    @Test
    void aCommentOnAPullRequestFromAPlainWebhookHasNoInstallation() throws Exception {
        IssueComment parsed = (IssueComment) GitHubEventParser.parse("issue_comment",
                event("github/issue_comment.created.pull_request.json"));

        assertThat(parsed.onPullRequest()).isTrue();
        assertThat(parsed.number()).isEqualTo(57);
        assertThat(parsed.repository()).isEqualTo(new Repository("octo-org/hello-world", null));
    }

    @Test
    void readsAnOpenedIssue() throws Exception {
        GitHubEvent parsed = GitHubEventParser.parse("issues", event("github/issues.opened.json"));

        assertThat(parsed).isEqualTo(new IssueOpened(new Repository("octo-org/hello-world", 48211937L), 43,
                "Upgrade to Jakarta EE 11",
                "The platform BOM is out of date.\r\n\r\n@openhands bump the BOM and fix whatever breaks.",
                new Sender("hubot", "User", 2L)));
    }

    @Test
    void anIssueOpenedWithoutBodyHasEmptyText() throws Exception {
        String payload = with(event("github/issues.opened.json"), "/issue/body", JsonValue.NULL);

        assertThat(((IssueOpened) GitHubEventParser.parse("issues", payload)).body()).isEmpty();
    }

    @Test
    void readsALabel() throws Exception {
        GitHubEvent parsed = GitHubEventParser.parse("issues", event("github/issues.labeled.json"));

        assertThat(parsed).isEqualTo(new IssueLabeled(new Repository("octo-org/hello-world", 48211937L), 42,
                "openhands", new Sender("mona", "User", 583231L)));
    }

    @Test
    void readsAReviewCommentWithPathAndLine() throws Exception {
        GitHubEvent parsed = GitHubEventParser.parse("pull_request_review_comment",
                event("github/pull_request_review_comment.created.json"));

        assertThat(parsed).isEqualTo(new PullRequestReviewComment(new Repository("octo-org/hello-world", 48211937L),
                57, 1532211009L, "@openhands make the retry count configurable here",
                "src/main/java/org/example/HttpClient.java", 12L, new Sender("octocat", "User", 1L)));
    }

    @Test
    void anOutdatedReviewCommentKeepsItsOriginalLine() throws Exception {
        String payload = with(with(event("github/pull_request_review_comment.created.json"),
                "/comment/line", JsonValue.NULL), "/comment/original_line", jakarta.json.Json.createValue(9));

        assertThat(((PullRequestReviewComment) GitHubEventParser.parse("pull_request_review_comment", payload))
                .line()).isEqualTo(9L);
    }

    @Test
    void readsASubmittedReview() throws Exception {
        PullRequestReview parsed = (PullRequestReview) GitHubEventParser.parse("pull_request_review",
                event("github/pull_request_review.submitted.json"));

        assertThat(parsed.number()).isEqualTo(57);
        assertThat(parsed.reviewId()).isEqualTo(1944003001L);
        assertThat(parsed.state()).isEqualTo("changes_requested");
        assertThat(parsed.body()).startsWith("A few things to tidy up.").endsWith("address the comments below.");
    }

    @ParameterizedTest
    @CsvSource({
            "ping, github/ping.json, event 'ping' is not handled",
            "pull_request, github/ping.json, event 'pull_request' is not handled",
            "push, github/ping.json, event 'push' is not handled",
    })
    void otherEventsAreUnsupported(String type, String fixture, String reason) throws Exception {
        assertThat(GitHubEventParser.parse(type, event(fixture))).isEqualTo(new Unsupported(reason));
    }

    @ParameterizedTest
    @CsvSource({
            "issue_comment, github/issue_comment.created.json, edited",
            "issue_comment, github/issue_comment.created.json, deleted",
            "issues, github/issues.opened.json, closed",
            "issues, github/issues.labeled.json, unlabeled",
            "pull_request_review_comment, github/pull_request_review_comment.created.json, edited",
            "pull_request_review, github/pull_request_review.submitted.json, dismissed",
    })
    void otherActionsAreUnsupported(String type, String fixture, String action) throws Exception {
        String payload = with(event(fixture), "/action", action);

        assertThat(GitHubEventParser.parse(type, payload))
                .isEqualTo(new Unsupported(type + " action '" + action + "' is not handled"));
    }

    @ParameterizedTest
    @CsvSource({
            "issue_comment, github/issue_comment.created.json, /comment/body, comment.body",
            "issue_comment, github/issue_comment.created.json, /issue, issue.number",
            "issue_comment, github/issue_comment.created.json, /repository, repository.full_name",
            "issue_comment, github/issue_comment.created.json, /sender, sender.login",
            "issue_comment, github/issue_comment.created.json, /action, action",
            "issues, github/issues.labeled.json, /label, label.name",
            "issues, github/issues.opened.json, /issue/title, issue.title",
            "pull_request_review_comment, github/pull_request_review_comment.created.json, /comment/path, comment.path",
            "pull_request_review_comment, github/pull_request_review_comment.created.json, /pull_request, pull_request.number",
            "pull_request_review, github/pull_request_review.submitted.json, /review/state, review.state",
    })
    void aMissingRequiredFieldIsMalformed(String type, String fixture, String pointer, String field) {
        String payload = without(event(fixture), pointer);

        assertThatThrownBy(() -> GitHubEventParser.parse(type, payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field '" + field + "' is missing");
    }

    @Test
    void aPayloadThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> GitHubEventParser.parse("issue_comment", "payload=%7B%22action"))
                .isInstanceOf(MalformedEventException.class);
    }
}
