package dev.switchboard.github.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/** Where a pull request job's posts go, from the event through {@code answer_to} to the poster's target. */
class GitHubAskTest {

    private static GitHubTarget target(GitHubEvent event) {
        return GitHubTarget.from(GitHubAsk.of(event).orElseThrow().answerTo().toString());
    }

    @Test
    void aReplyInAReviewThreadIsAnsweredUnderTheThreadsFirstComment() throws Exception {
        String payload = with(event("github/pull_request_review_comment.created.json"), "/comment/in_reply_to_id",
                Json.createValue(1532200001L));
        GitHubTarget to = target(GitHubEventParser.parse("pull_request_review_comment", payload));
        assertThat(to.reviewComment()).isTrue();
        assertThat(to.commentId()).as("the reaction goes on the comment that asked").isEqualTo(1532211009L);
        assertThat(to.replyTo()).as("GitHub refuses replies to replies").isEqualTo(1532200001L);
        assertThat(to.number()).isEqualTo(57);
    }

    @Test
    void aNewReviewCommentIsItsOwnThreadsFirst() throws Exception {
        GitHubTarget to = target(GitHubEventParser.parse("pull_request_review_comment",
                event("github/pull_request_review_comment.created.json")));
        assertThat(to.commentId()).isEqualTo(1532211009L);
        assertThat(to.replyTo()).isEqualTo(1532211009L);
    }

    @Test
    void aReviewBodyIsAnsweredOnThePullRequestItself() throws Exception {
        GitHubTarget to = target(GitHubEventParser.parse("pull_request_review",
                event("github/pull_request_review.submitted.json")));
        assertThat(to.reviewComment()).isFalse();
        assertThat(to.commentId()).isNull();
        assertThat(to.number()).isEqualTo(57);
    }

    @Test
    void aTargetRecordedBeforeReplyToExistedRepliesUnderItsComment() {
        GitHubTarget to = GitHubTarget.from("""
                {"repository":"acme/api","number":7,"requester":"octocat","review_comment":true,
                 "installation_id":42,"comment_id":99}""");
        assertThat(to.replyTo()).isEqualTo(99L);
    }
}
