package dev.switchboard.gitlab.control;

import dev.switchboard.clients.control.PlatformClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * A requester's access level on a project: their project membership (inherited ones included), falling back, as in
 * the reference, to their membership of the project's group when the project does not list them (a group shared
 * with the project, a membership the caller's token cannot see through the project). Developer (30) or higher may
 * ask for jobs: they can push the agent's branch and open its merge request.
 */
@ApplicationScoped
public class GitLabPermissions {

    @Inject
    PlatformClients clients;

    /** GitLab's access level, 0 for someone who is no (active) member of the project nor its group. */
    public int accessLevel(GitLabAuth auth, long projectId, long gitlabUserId) {
        GitLabApi gitlab = clients.gitLab();
        String a = auth.authorization();
        String p = auth.privateToken();
        Integer level = member(() -> gitlab.projectMember(a, p, projectId, gitlabUserId), "project " + projectId);
        if (level != null) {
            return level;
        }
        JsonObject namespace = namespace(gitlab, auth, projectId);
        if (namespace == null || !"group".equals(namespace.getString("kind", "")) || !namespace.containsKey("id")) {
            return 0;
        }
        long groupId = namespace.getJsonNumber("id").longValue();
        level = member(() -> gitlab.groupMember(a, p, groupId, gitlabUserId), "group " + groupId);
        return level == null ? 0 : level;
    }

    public static boolean mayAsk(int accessLevel) {
        return accessLevel >= GitLabApi.DEVELOPER;
    }

    /** The member's level; null when GitLab does not list them there (404). */
    static Integer level(int status, JsonObject member) {
        if (status == 404) {
            return null;
        }
        String state = member.getString("state", "active");
        return "active".equals(state) ? member.getInt("access_level", 0) : 0;
    }

    private static Integer member(Supplier<Response> call, String where) {
        try (Response r = call.get()) {
            if (r.getStatus() != 200 && r.getStatus() != 404) {
                throw new IllegalStateException("gitlab refused the membership lookup on " + where + " (HTTP "
                        + r.getStatus() + ")");
            }
            return level(r.getStatus(), r.getStatus() == 200 ? r.readEntity(JsonObject.class) : null);
        }
    }

    private static JsonObject namespace(GitLabApi gitlab, GitLabAuth auth, long projectId) {
        try (Response r = gitlab.project(auth.authorization(), auth.privateToken(), projectId)) {
            if (r.getStatus() == 404) {
                return null;
            }
            if (r.getStatus() != 200) {
                throw new IllegalStateException("gitlab refused project " + projectId + " (HTTP " + r.getStatus()
                        + ")");
            }
            return r.readEntity(JsonObject.class).get("namespace") instanceof JsonObject ns ? ns : null;
        }
    }
}
