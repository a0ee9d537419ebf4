package dev.switchboard.github.control;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.github.control.GitHubEvent.IssueComment;
import dev.switchboard.github.control.GitHubEvent.IssueLabeled;
import dev.switchboard.github.control.GitHubEvent.IssueOpened;
import dev.switchboard.github.control.GitHubEvent.PullRequestReview;
import dev.switchboard.github.control.GitHubEvent.PullRequestReviewComment;
import dev.switchboard.github.control.GitHubEvent.Sender;
import dev.switchboard.github.control.GitHubEvent.Unsupported;
import dev.switchboard.jobs.control.AgentTriggers;
import dev.switchboard.jobs.control.JobRequest;

/** Decides whether a GitHub event asks the agent for a job. Permission checks come later. */
public final class GitHubJobRequests {

    private GitHubJobRequests() {
    }

    public static Outcome decide(GitHubEvent event, AgentTriggers triggers) {
        if (event instanceof Unsupported unsupported) {
            return Outcome.ignored(unsupported.reason());
        }
        if (event instanceof IssueComment comment) {
            return issueComment(comment, triggers);
        }
        if (event instanceof IssueOpened opened) {
            return issueOpened(opened, triggers);
        }
        if (event instanceof IssueLabeled labeled) {
            return issueLabeled(labeled, triggers);
        }
        if (event instanceof PullRequestReviewComment comment) {
            return reviewComment(comment, triggers);
        }
        if (event instanceof PullRequestReview review) {
            return review(review, triggers);
        }
        throw new IllegalArgumentException("unknown GitHub event " + event);
    }

    private static Outcome issueComment(IssueComment comment, AgentTriggers triggers) {
        if (comment.sender().isBot()) {
            return byBot("comment written", comment.sender());
        }
        if (!triggers.mentions(comment.body())) {
            return notMentioned("comment", triggers);
        }
        String on = comment.onPullRequest() ? "comment on pull request" : "comment on issue";
        return request(comment.sender(), comment.repository().ref(comment.number()), on);
    }

    private static Outcome issueOpened(IssueOpened opened, AgentTriggers triggers) {
        if (opened.sender().isBot()) {
            return byBot("issue opened", opened.sender());
        }
        if (!triggers.mentions(opened.body())) {
            return notMentioned("issue body", triggers);
        }
        return request(opened.sender(), opened.repository().ref(opened.number()),
                "new issue mentioning " + triggers.mention());
    }

    private static Outcome issueLabeled(IssueLabeled labeled, AgentTriggers triggers) {
        if (labeled.sender().isBot()) {
            return byBot("label added", labeled.sender());
        }
        if (!triggers.isLabel(labeled.label())) {
            return Outcome.ignored("label '" + labeled.label() + "' is not " + triggers.label());
        }
        return request(labeled.sender(), labeled.repository().ref(labeled.number()),
                "issue labeled " + labeled.label());
    }

    private static Outcome reviewComment(PullRequestReviewComment comment, AgentTriggers triggers) {
        if (comment.sender().isBot()) {
            return byBot("review comment written", comment.sender());
        }
        if (!triggers.mentions(comment.body())) {
            return notMentioned("review comment", triggers);
        }
        String at = comment.line() == null ? comment.path() : comment.path() + ":" + comment.line();
        return request(comment.sender(), comment.repository().ref(comment.number()), "review comment on " + at);
    }

    private static Outcome review(PullRequestReview review, AgentTriggers triggers) {
        if (review.sender().isBot()) {
            return byBot("review written", review.sender());
        }
        if (!triggers.mentions(review.body())) {
            return notMentioned("review", triggers);
        }
        return request(review.sender(), review.repository().ref(review.number()),
                "pull request review (" + review.state() + ")");
    }

    private static Outcome request(Sender sender, String where, String what) {
        return new JobRequest(sender.login(), where, what).toOutcome();
    }

    private static Outcome byBot(String what, Sender sender) {
        return Outcome.ignored(what + " by a bot (" + sender.login() + ")");
    }

    private static Outcome notMentioned(String what, AgentTriggers triggers) {
        return Outcome.ignored(what + " does not mention " + triggers.mention());
    }
}
