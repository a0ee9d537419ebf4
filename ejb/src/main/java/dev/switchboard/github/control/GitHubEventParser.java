package dev.switchboard.github.control;

import static dev.switchboard.events.control.EventJson.has;
import static dev.switchboard.events.control.EventJson.number;
import static dev.switchboard.events.control.EventJson.optionalNumber;
import static dev.switchboard.events.control.EventJson.string;
import static dev.switchboard.events.control.EventJson.text;

import dev.switchboard.events.control.EventJson;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.github.control.GitHubEvent.IssueComment;
import dev.switchboard.github.control.GitHubEvent.IssueLabeled;
import dev.switchboard.github.control.GitHubEvent.IssueOpened;
import dev.switchboard.github.control.GitHubEvent.PullRequestReview;
import dev.switchboard.github.control.GitHubEvent.PullRequestReviewComment;
import dev.switchboard.github.control.GitHubEvent.Repository;
import dev.switchboard.github.control.GitHubEvent.Sender;
import dev.switchboard.github.control.GitHubEvent.Unsupported;
import jakarta.json.JsonObject;
import java.util.Objects;

/** Reads a stored GitHub delivery (X-GitHub-Event and payload) into a {@link GitHubEvent}. */
public final class GitHubEventParser {

    private GitHubEventParser() {
    }

    public static GitHubEvent parse(String event, String payload) throws MalformedEventException {
        Objects.requireNonNull(event, "event");
        JsonObject root = EventJson.parse(payload);
        return switch (event) {
            case "issue_comment" -> issueComment(root);
            case "issues" -> issues(root);
            case "pull_request_review_comment" -> reviewComment(root);
            case "pull_request_review" -> review(root);
            case "installation", "installation_repositories" -> installation(root);
            default -> new Unsupported("event '" + event + "' is not handled");
        };
    }

    private static GitHubEvent installation(JsonObject root) throws MalformedEventException {
        return new GitHubEvent.InstallationChanged(number(root, "installation.id"), string(root, "action"),
                string(root, "installation.account.login"), string(root, "installation.account.type"),
                EventJson.optionalString(root, "installation.repository_selection").orElse(null));
    }

    private static GitHubEvent issueComment(JsonObject root) throws MalformedEventException {
        String action = string(root, "action");
        if (!action.equals("created")) {
            return unsupportedAction("issue_comment", action);
        }
        return new IssueComment(repository(root), number(root, "issue.number"),
                has(root, "issue.pull_request"), number(root, "comment.id"), string(root, "comment.body"),
                sender(root));
    }

    private static GitHubEvent issues(JsonObject root) throws MalformedEventException {
        String action = string(root, "action");
        return switch (action) {
            case "opened" -> new IssueOpened(repository(root), number(root, "issue.number"),
                    string(root, "issue.title"), text(root, "issue.body"), sender(root));
            case "labeled" -> new IssueLabeled(repository(root), number(root, "issue.number"),
                    string(root, "label.name"), sender(root));
            default -> unsupportedAction("issues", action);
        };
    }

    private static GitHubEvent reviewComment(JsonObject root) throws MalformedEventException {
        String action = string(root, "action");
        if (!action.equals("created")) {
            return unsupportedAction("pull_request_review_comment", action);
        }
        // line is null once the diff moved on (outdated comment); original_line still says where it was made.
        Long line = optionalNumber(root, "comment.line").orElse(null);
        if (line == null) {
            line = optionalNumber(root, "comment.original_line").orElse(null);
        }
        return new PullRequestReviewComment(repository(root), number(root, "pull_request.number"),
                number(root, "comment.id"), string(root, "comment.body"), string(root, "comment.path"), line,
                sender(root), optionalNumber(root, "comment.in_reply_to_id").orElse(null));
    }

    private static GitHubEvent review(JsonObject root) throws MalformedEventException {
        String action = string(root, "action");
        if (!action.equals("submitted")) {
            return unsupportedAction("pull_request_review", action);
        }
        return new PullRequestReview(repository(root), number(root, "pull_request.number"),
                number(root, "review.id"), string(root, "review.state"), text(root, "review.body"), sender(root));
    }

    private static Repository repository(JsonObject root) throws MalformedEventException {
        return new Repository(string(root, "repository.full_name"),
                optionalNumber(root, "installation.id").orElse(null));
    }

    private static Sender sender(JsonObject root) throws MalformedEventException {
        return new Sender(string(root, "sender.login"), text(root, "sender.type"),
                optionalNumber(root, "sender.id").orElse(null));
    }

    private static Unsupported unsupportedAction(String event, String action) {
        return new Unsupported(event + " action '" + action + "' is not handled");
    }
}
