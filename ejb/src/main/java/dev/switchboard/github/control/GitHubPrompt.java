package dev.switchboard.github.control;

import java.util.List;
import java.util.Objects;

/**
 * The agent's first message for a GitHub job: what the issue or pull request is (title, body), the newest
 * comments of its conversation (at most {@link #MAX_COMMENTS}, oldest of them first, so it reads as a thread),
 * and the request itself, with file and line for an inline review comment. Pure, so it is unit tested.
 */
public final class GitHubPrompt {

    public static final int MAX_COMMENTS = 10;

    /** One comment of the conversation. */
    public record Comment(String author, String body) {
    }

    private GitHubPrompt() {
    }

    /**
     * @param comments the conversation's comments, oldest first (GitHub's order); only the newest are used
     * @param request  the text that asked (the comment, the issue body, or null for a label)
     * @param path     the file of an inline review comment, else null
     * @param line     its line, or null
     */
    public static String build(String repository, long number, boolean pullRequest, String title, String body,
                               List<Comment> comments, String requester, String request, String path, Long line) {
        return build(repository, number, pullRequest, title, body, comments, requester, request, path, line, null);
    }

    /**
     * @param pullRequestSection what {@link GitHubPullRequestPrompt#section} says about a pull request (branch,
     *                           review thread, changed files), placed before the request; null for an issue
     */
    public static String build(String repository, long number, boolean pullRequest, String title, String body,
                               List<Comment> comments, String requester, String request, String path, Long line,
                               String pullRequestSection) {
        Objects.requireNonNull(repository);
        StringBuilder prompt = new StringBuilder();
        String what = pullRequest ? "pull request" : "issue";
        prompt.append("You were asked to work on GitHub ").append(what).append(' ').append(repository).append('#')
                .append(number).append(" by @").append(requester).append(".\n\n");
        prompt.append("Title: ").append(blankAs(title, "(none)")).append("\n\n");
        prompt.append("Description:\n").append(blankAs(body, "(empty)")).append("\n");
        List<Comment> newest = newest(comments);
        if (!newest.isEmpty()) {
            prompt.append("\nLatest comments (oldest first");
            if (comments.size() > newest.size()) {
                prompt.append(", ").append(comments.size() - newest.size()).append(" earlier ones left out");
            }
            prompt.append("):\n");
            for (Comment comment : newest) {
                prompt.append("\n@").append(comment.author()).append(" wrote:\n").append(comment.body().strip())
                        .append('\n');
            }
        }
        if (pullRequestSection != null) {
            prompt.append(pullRequestSection);
        }
        if (path != null) {
            prompt.append("\nThe request is an inline review comment on ").append(path);
            if (line != null) {
                prompt.append(", line ").append(line);
            }
            prompt.append(".\n");
        }
        if (request != null && !request.isBlank()) {
            prompt.append("\nThe request:\n").append(request.strip()).append('\n');
        }
        return prompt.toString();
    }

    static List<Comment> newest(List<Comment> comments) {
        if (comments == null) {
            return List.of();
        }
        return comments.subList(Math.max(0, comments.size() - MAX_COMMENTS), comments.size());
    }

    private static String blankAs(String text, String instead) {
        return text == null || text.isBlank() ? instead : text.strip();
    }
}
