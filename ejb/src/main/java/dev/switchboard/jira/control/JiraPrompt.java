package dev.switchboard.jira.control;

import java.util.List;
import java.util.Objects;

/**
 * The agent's first message for a Jira job: which issue (key, link), the repository to work in, the summary and
 * description as plain text, the newest comments (at most {@link #MAX_COMMENTS}, oldest of them first so they read
 * as a conversation), and the request itself. Pure, so it is unit tested.
 */
public final class JiraPrompt {

    public static final int MAX_COMMENTS = 10;

    /** A comment of the issue, its body already plain text. */
    public record Comment(String author, String text) {
    }

    /**
     * The issue as read from Jira.
     *
     * @param comments the newest comments, oldest first; {@code total} says how many the issue has
     */
    public record Issue(String key, String url, String summary, String description, List<Comment> comments, int total) {
        public Issue {
            Objects.requireNonNull(key);
            comments = comments == null ? List.of() : List.copyOf(comments);
        }
    }

    private JiraPrompt() {
    }

    /**
     * @param request the text that asked (plain text), or null when a label asked
     */
    public static String build(Issue issue, JiraRepository repository, String requester, String request) {
        StringBuilder prompt = new StringBuilder("You were asked by ").append(requester)
                .append(" to work on the Jira issue ").append(issue.key());
        if (issue.url() != null) {
            prompt.append(" (").append(issue.url()).append(')');
        }
        prompt.append(".\nWork in the repository ").append(repository.fullName()).append(" on ")
                .append(repository.provider()).append(".\n\nSummary: ").append(orElse(issue.summary(), "(none)"))
                .append("\n\nDescription:\n").append(orElse(issue.description(), "(empty)")).append('\n');
        List<Comment> shown = newest(issue.comments());
        if (!shown.isEmpty()) {
            int left = Math.max(issue.total(), shown.size()) - shown.size();
            prompt.append("\nThe issue's latest comments, oldest first")
                    .append(left > 0 ? " (" + left + " earlier " + (left == 1 ? "one" : "ones") + " not shown)" : "")
                    .append(":\n");
            for (Comment comment : shown) {
                prompt.append("\n").append(comment.author()).append(":\n").append(comment.text().strip()).append('\n');
            }
        }
        if (request != null && !request.isBlank()) {
            prompt.append("\nWhat ").append(requester).append(" asked:\n").append(request.strip()).append('\n');
        } else {
            prompt.append("\n").append(requester).append(" labelled the issue for you: resolve it.\n");
        }
        return prompt.toString();
    }

    static List<Comment> newest(List<Comment> comments) {
        return comments.subList(Math.max(0, comments.size() - MAX_COMMENTS), comments.size());
    }

    private static String orElse(String text, String otherwise) {
        return text == null || text.isBlank() ? otherwise : text.strip();
    }
}
