package dev.switchboard.jira.control;

import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the issue a job is about with the service account: summary and description, and the newest comments
 * ({@code orderBy=-created}, one more than the prompt shows so the asking comment can be left out), as plain text.
 * Jira's refusals are {@link JiraReadException}s with the status; rate limits propagate from the governed client.
 */
@ApplicationScoped
public class JiraIssueReads {

    public JiraPrompt.Issue read(JiraConnection jira, JiraTarget target) {
        JsonObject issue = json(jira.api().issue(jira.authorization(), target.issueKey(), "summary,description"),
                "issue " + target.issueKey());
        JsonObject fields = issue.getJsonObject("fields");
        String summary = fields == null ? null : fields.getString("summary", null);
        String description = fields == null ? null : JiraText.plain(fields.get("description"));
        JsonObject page = json(jira.api().comments(jira.authorization(), target.issueKey(), 0,
                JiraPrompt.MAX_COMMENTS + 1, "-created"), "comments of " + target.issueKey());
        List<JiraPrompt.Comment> comments = new ArrayList<>();
        int total = page.getInt("total", 0);
        for (JsonValue value : page.getJsonArray("comments") == null ? List.<JsonValue>of()
                : page.getJsonArray("comments")) {
            JsonObject comment = value.asJsonObject();
            if (comment.getString("id", "").equals(target.commentId())) {
                total--; // the request is in the prompt on its own
                continue;
            }
            JsonObject author = comment.getJsonObject("author");
            String name = author == null ? "someone" : author.getString("displayName", author.getString("accountId",
                    "someone"));
            comments.add(new JiraPrompt.Comment(name, JiraText.plain(comment.get("body"))));
        }
        Collections.reverse(comments); // newest first from Jira; the prompt reads oldest first
        return new JiraPrompt.Issue(target.issueKey(), target.browseUrl(), summary, description,
                JiraPrompt.newest(comments), total);
    }

    private static JsonObject json(Response response, String what) {
        try (response) {
            int status = response.getStatus();
            if (status != 200) {
                throw new JiraReadException(status, "Jira answered HTTP " + status + " for " + what);
            }
            return Jsons.createReader(new StringReader(response.readEntity(String.class))).readObject();
        }
    }
}
