package dev.switchboard.github.control;

import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a job's prompt needs from GitHub: the issue (or pull request) and its newest comments. GitHub lists
 * comments oldest first with no way to reverse, so the newest are read from the last pages, which the issue's
 * {@code comments} count locates.
 */
@ApplicationScoped
public class GitHubThreadReads {

    static final int PAGE = GitHubPrompt.MAX_COMMENTS;

    /** The issue's title, body and newest comments, oldest of them first. */
    public record Thread(String title, String body, List<GitHubPrompt.Comment> comments) {
    }

    @Inject
    PlatformClients clients;

    public Thread read(String authorization, String owner, String repo, long number) {
        JsonObject issue = object(clients.gitHub().issue(authorization, owner, repo, number), "issue");
        int count = issue.getInt("comments", 0);
        List<GitHubPrompt.Comment> comments = new ArrayList<>();
        if (count > 0) {
            int last = lastPage(count);
            if (last > 1) {
                comments.addAll(page(authorization, owner, repo, number, last - 1));
            }
            comments.addAll(page(authorization, owner, repo, number, last));
        }
        return new Thread(text(issue, "title"), text(issue, "body"), GitHubPrompt.newest(comments));
    }

    /** The page holding the newest comment; with the one before it, the newest {@link #PAGE} are always there. */
    static int lastPage(int count) {
        return Math.max(1, (count + PAGE - 1) / PAGE);
    }

    private List<GitHubPrompt.Comment> page(String authorization, String owner, String repo, long number, int page) {
        JsonArray items;
        try (Response r = clients.gitHub().issueComments(authorization, owner, repo, number, PAGE, page, null)) {
            if (r.getStatus() != 200) {
                throw new IllegalStateException("github refused the comments of " + owner + "/" + repo + "#" + number
                        + " (HTTP " + r.getStatus() + ")");
            }
            items = Jsons.createReader(new StringReader(r.readEntity(String.class))).readArray();
        }
        List<GitHubPrompt.Comment> comments = new ArrayList<>();
        for (JsonValue item : items) {
            JsonObject comment = item.asJsonObject();
            JsonObject user = comment.get("user") instanceof JsonObject u ? u : JsonValue.EMPTY_JSON_OBJECT;
            comments.add(new GitHubPrompt.Comment(user.getString("login", "someone"), text(comment, "body")));
        }
        return comments;
    }

    private static JsonObject object(Response response, String what) {
        try (response) {
            if (response.getStatus() != 200) {
                throw new IllegalStateException("github refused the " + what + " (HTTP " + response.getStatus() + ")");
            }
            return Jsons.createReader(new StringReader(response.readEntity(String.class))).readObject();
        }
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof jakarta.json.JsonString s ? s.getString() : "";
    }
}
