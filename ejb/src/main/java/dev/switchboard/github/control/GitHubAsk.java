package dev.switchboard.github.control;

import dev.switchboard.github.control.GitHubEvent.IssueComment;
import dev.switchboard.github.control.GitHubEvent.IssueLabeled;
import dev.switchboard.github.control.GitHubEvent.IssueOpened;
import dev.switchboard.github.control.GitHubEvent.PullRequestReview;
import dev.switchboard.github.control.GitHubEvent.PullRequestReviewComment;
import dev.switchboard.github.control.GitHubEvent.Repository;
import dev.switchboard.github.control.GitHubEvent.Sender;
import dev.switchboard.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/**
 * A GitHub event that asked for a job, reduced to what starting it needs: where, who, the text that asked,
 * and what to react to and reply on.
 *
 * @param pullRequest   whether the thread is a pull request (known for comments and reviews)
 * @param commentId     the comment that asked (issue comment or review comment), null for issues and reviews
 * @param reviewComment whether {@code commentId} is an inline review comment (replies go to its thread)
 * @param request       the text that asked; null for a label
 * @param replyTo       for an inline review comment, the first comment of its thread, which GitHub's reply
 *                      endpoint wants (it refuses replies to replies); else null
 */
public record GitHubAsk(Repository repository, long number, boolean pullRequest, Sender sender, Long commentId,
                        boolean reviewComment, String request, String path, Long line, Long replyTo) {

    public GitHubAsk(Repository repository, long number, boolean pullRequest, Sender sender, Long commentId,
                     boolean reviewComment, String request, String path, Long line) {
        this(repository, number, pullRequest, sender, commentId, reviewComment, request, path, line, null);
    }

    public static Optional<GitHubAsk> of(GitHubEvent event) {
        if (event instanceof IssueComment c) {
            return Optional.of(new GitHubAsk(c.repository(), c.number(), c.onPullRequest(), c.sender(), c.commentId(),
                    false, c.body(), null, null));
        }
        if (event instanceof IssueOpened o) {
            return Optional.of(new GitHubAsk(o.repository(), o.number(), false, o.sender(), null, false, o.body(),
                    null, null));
        }
        if (event instanceof IssueLabeled l) {
            return Optional.of(new GitHubAsk(l.repository(), l.number(), false, l.sender(), null, false, null, null,
                    null));
        }
        if (event instanceof PullRequestReviewComment c) {
            return Optional.of(new GitHubAsk(c.repository(), c.number(), true, c.sender(), c.commentId(), true,
                    c.body(), c.path(), c.line(), c.threadRoot()));
        }
        if (event instanceof PullRequestReview r) {
            return Optional.of(new GitHubAsk(r.repository(), r.number(), true, r.sender(), null, false, r.body(), null,
                    null));
        }
        return Optional.empty();
    }

    public String ref() {
        return repository.ref(number);
    }

    /** Follow-ups in the same issue or pull request belong to this thread. */
    public String threadKey() {
        return "github:" + ref();
    }

    /** Where posts about the job go: the job's {@code answer_to} and every notice's target. */
    public JsonObject answerTo() {
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("repository", repository.fullName())
                .add("number", number)
                .add("requester", sender.login())
                .add("review_comment", reviewComment);
        if (repository.installationId() != null) {
            json.add("installation_id", repository.installationId());
        }
        if (commentId != null) {
            json.add("comment_id", commentId);
        }
        if (replyTo != null) {
            json.add("reply_to", replyTo);
        }
        return json.build();
    }
}
