package dev.switchboard.gitlab.control;

import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import dev.switchboard.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/**
 * Where a GitLab post goes and who makes it: a job's {@code answer_to} and every notice's target, as JSON.
 *
 * @param discussionId the discussion to reply in; null to open one (a label asked, or GitLab named no discussion)
 * @param actingUserId the Switchboard user whose linked GitLab token posts (the requester, or for an unlinked
 *                     requester the user who installed Switchboard's hook there); null for team mode's GITLAB_TOKEN
 */
public record GitLabTarget(String project, long projectId, Noteable noteable, long iid, String discussionId,
                           String requester, String actingUserId) {

    public static GitLabTarget from(String json) {
        JsonObject target = Jsons.createReader(new StringReader(json)).readObject();
        return new GitLabTarget(target.getString("project"), target.getJsonNumber("project_id").longValue(),
                Noteable.valueOf(target.getString("noteable")), target.getJsonNumber("iid").longValue(),
                target.getString("discussion_id", null), target.getString("requester", ""),
                target.getString("acting_user", null));
    }

    public String toJson() {
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("project", project)
                .add("project_id", projectId)
                .add("noteable", noteable.name())
                .add("iid", iid)
                .add("requester", requester);
        if (discussionId != null) {
            json.add("discussion_id", discussionId);
        }
        if (actingUserId != null) {
            json.add("acting_user", actingUserId);
        }
        return json.build().toString();
    }

    public String ref() {
        return noteable.ref(project, iid);
    }
}
