package dev.switchboard.github.control;

import java.util.Locale;

/** A GitHub webhook event as Switchboard understands it; anything else is {@link Unsupported}. */
public sealed interface GitHubEvent {

    /**
     * Who caused the event. Apps act as users whose type is "Bot" and whose login ends in "[bot]"; some
     * older integrations only show the suffix, so either marks a bot.
     *
     * @param id GitHub's numeric user id (the provider user id of a linked account); null when the payload
     *           lacks it
     */
    record Sender(String login, String type, Long id) {
        public Sender(String login, String type) {
            this(login, type, null);
        }

        public boolean isBot() {
            return "Bot".equalsIgnoreCase(type) || login.toLowerCase(Locale.ROOT).endsWith("[bot]");
        }
    }

    /**
     * Where the event happened.
     *
     * @param installationId the GitHub App installation, or null for a plain repository/organization webhook
     */
    record Repository(String fullName, Long installationId) {
        public String ref(long number) {
            return fullName + "#" + number;
        }
    }

    /** A new comment on an issue or a pull request's conversation (GitHub models PRs as issues here). */
    record IssueComment(Repository repository, long number, boolean onPullRequest, long commentId, String body,
                        Sender sender) implements GitHubEvent {
    }

    /** @param body empty when the issue was opened without a description */
    record IssueOpened(Repository repository, long number, String title, String body, Sender sender)
            implements GitHubEvent {
    }

    record IssueLabeled(Repository repository, long number, String label, Sender sender) implements GitHubEvent {
    }

    /**
     * A comment on a line of a pull request's diff.
     *
     * @param line      the diff line; null for comments on a whole file
     * @param inReplyTo the thread's first comment when this one is a reply in it, else null
     */
    record PullRequestReviewComment(Repository repository, long number, long commentId, String body, String path,
                                    Long line, Sender sender, Long inReplyTo) implements GitHubEvent {
        public PullRequestReviewComment(Repository repository, long number, long commentId, String body, String path,
                                        Long line, Sender sender) {
            this(repository, number, commentId, body, path, line, sender, null);
        }

        /** The comment GitHub takes replies on: the thread's first one (replies to replies are refused). */
        public long threadRoot() {
            return inReplyTo == null ? commentId : inReplyTo;
        }
    }

    /** @param body empty for a review submitted without a summary (a bare approval) */
    record PullRequestReview(Repository repository, long number, long reviewId, String state, String body,
                             Sender sender) implements GitHubEvent {
    }

    /**
     * The app was installed, changed or removed on an account ({@code installation} and
     * {@code installation_repositories} events): Switchboard keeps its installations current from these.
     */
    record InstallationChanged(long installationId, String action, String accountLogin, String accountType,
                               String repositorySelection) implements GitHubEvent {
        public boolean removed() {
            return action.equals("deleted");
        }
    }

    /** An event or action Switchboard does not act on, with the reason. */
    record Unsupported(String reason) implements GitHubEvent {
    }
}
