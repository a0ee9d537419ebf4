package dev.switchboard.jira.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.Objects;

/**
 * Where posts about a Jira job go (the job's {@code answer_to} and each notice's target, as JSON): the issue on its
 * site, and the workspace whose service account posts there (null: team mode's JIRA_* service account).
 *
 * @param commentId   the comment that asked; null when a label asked
 * @param gitProvider where the job's repository lives ({@code github}, {@code gitlab}); null before it is known
 */
public record JiraTarget(String site, String workspaceId, String issueKey, String commentId, String requester,
                         String gitProvider) {

    public JiraTarget {
        Objects.requireNonNull(site);
        Objects.requireNonNull(issueKey);
        Objects.requireNonNull(requester);
    }

    public static JiraTarget from(String json) {
        JsonObject o = Jsons.createReader(new StringReader(json)).readObject();
        return new JiraTarget(o.getString("site"), o.getString("workspace_id", null), o.getString("issue_key"),
                o.getString("comment_id", null), o.getString("requester"), o.getString("git_provider", null));
    }

    public JiraTarget withGitProvider(String provider) {
        return new JiraTarget(site, workspaceId, issueKey, commentId, requester, provider);
    }

    public String toJson() {
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("site", site).add("issue_key", issueKey)
                .add("requester", requester);
        if (workspaceId != null) {
            json.add("workspace_id", workspaceId);
        }
        if (commentId != null) {
            json.add("comment_id", commentId);
        }
        if (gitProvider != null) {
            json.add("git_provider", gitProvider);
        }
        return json.build().toString();
    }

    /** The issue as people open it. */
    public String browseUrl() {
        return site + "/browse/" + issueKey;
    }
}
