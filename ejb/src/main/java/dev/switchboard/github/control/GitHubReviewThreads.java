package dev.switchboard.github.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GraphQL side of finding the review thread an inline comment belongs to: the REST API has no notion of
 * threads, GraphQL's {@code PullRequest.reviewThreads} has (path, line, resolved, outdated, its comments). A
 * thread is recognised by one of its comments' database id, the id REST and webhooks use. Pure, so it is unit
 * tested against GitHub's documented response shape.
 */
public final class GitHubReviewThreads {

    /**
     * Threads oldest first, a page at a time; within a thread the newest comments, since the one that asked was
     * just written. {@code fullDatabaseId} (a BigInt, sent as a string) is GitHub's replacement for the 32-bit
     * {@code databaseId}; both are read.
     */
    static final String QUERY = """
            query($owner: String!, $name: String!, $number: Int!, $cursor: String) {
              repository(owner: $owner, name: $name) {
                pullRequest(number: $number) {
                  reviewThreads(first: 100, after: $cursor) {
                    pageInfo { hasNextPage endCursor }
                    nodes {
                      isResolved isOutdated path line originalLine
                      comments(last: 100) { nodes { databaseId fullDatabaseId body author { login } } }
                    }
                  }
                }
              }
            }""";

    /** A review thread: its place in the diff and its comments, oldest first. */
    public record Thread(String path, Long line, boolean resolved, boolean outdated, List<GitHubPrompt.Comment> comments) {
    }

    /** One page of threads: the thread holding the comment if it is on this page, else where the next page starts. */
    record Page(Optional<Thread> found, Optional<String> next) {
    }

    private GitHubReviewThreads() {
    }

    /** The request body for one page; {@code cursor} null for the first. */
    static JsonObject request(String owner, String name, long number, String cursor) {
        JsonObjectBuilder variables = Jsons.createObjectBuilder().add("owner", owner).add("name", name)
                .add("number", number);
        if (cursor == null) {
            variables.addNull("cursor");
        } else {
            variables.add("cursor", cursor);
        }
        return Jsons.createObjectBuilder().add("query", QUERY).add("variables", variables).build();
    }

    /**
     * @throws IllegalStateException when GitHub answered with errors and no pull request (a missing repository or
     *                               pull request, a field the server does not know, no access)
     */
    static Page parse(JsonObject response, long commentId) {
        JsonObject threads = at(response, "data", "repository", "pullRequest", "reviewThreads");
        if (threads == null) {
            throw new IllegalStateException("github answered without review threads" + errors(response));
        }
        for (JsonValue node : array(threads, "nodes")) {
            if (node instanceof JsonObject thread && holds(thread, commentId)) {
                return new Page(Optional.of(thread(thread)), Optional.empty());
            }
        }
        JsonObject pageInfo = at(threads, "pageInfo");
        boolean more = pageInfo != null && pageInfo.getBoolean("hasNextPage", false);
        String cursor = pageInfo != null && pageInfo.get("endCursor") instanceof JsonString s ? s.getString() : null;
        return new Page(Optional.empty(), more && cursor != null ? Optional.of(cursor) : Optional.empty());
    }

    private static boolean holds(JsonObject thread, long commentId) {
        for (JsonValue value : array(at(thread, "comments"), "nodes")) {
            if (value instanceof JsonObject comment && id(comment) == commentId) {
                return true;
            }
        }
        return false;
    }

    private static long id(JsonObject comment) {
        JsonValue full = comment.get("fullDatabaseId");
        if (full instanceof JsonString s) {
            try {
                return Long.parseLong(s.getString());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        if (full instanceof JsonNumber n) {
            return n.longValue();
        }
        return comment.get("databaseId") instanceof JsonNumber n ? n.longValue() : -1;
    }

    private static Thread thread(JsonObject thread) {
        List<GitHubPrompt.Comment> comments = new ArrayList<>();
        for (JsonValue value : array(at(thread, "comments"), "nodes")) {
            if (value instanceof JsonObject comment) {
                JsonObject author = at(comment, "author");
                // a deleted account shows as a null author, as "ghost" in GitHub's UI
                String login = author == null ? "ghost" : author.getString("login", "ghost");
                comments.add(new GitHubPrompt.Comment(login, comment.getString("body", "")));
            }
        }
        Long line = number(thread, "line");
        return new Thread(thread.getString("path", null), line == null ? number(thread, "originalLine") : line,
                thread.getBoolean("isResolved", false), thread.getBoolean("isOutdated", false), comments);
    }

    private static String errors(JsonObject response) {
        StringBuilder text = new StringBuilder();
        for (JsonValue error : array(response, "errors")) {
            if (error instanceof JsonObject e) {
                text.append(text.length() == 0 ? ": " : "; ").append(e.getString("message", "unknown error"));
            }
        }
        return text.toString();
    }

    private static Long number(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber n ? n.longValue() : null;
    }

    private static JsonArray array(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static JsonObject at(JsonObject object, String... path) {
        JsonObject current = object;
        for (String name : path) {
            if (current == null || !(current.get(name) instanceof JsonObject next)) {
                return null;
            }
            current = next;
        }
        return current;
    }
}
