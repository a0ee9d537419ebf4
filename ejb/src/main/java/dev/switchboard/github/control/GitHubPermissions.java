package dev.switchboard.github.control;

import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Set;

/** A requester's permission on a repository; {@code admin}, {@code maintain} and {@code write} may ask for jobs (the seed forgot maintain). */
@ApplicationScoped
public class GitHubPermissions {

    static final Set<String> MAY_ASK = Set.of("admin", "maintain", "write");

    @Inject
    PlatformClients clients;

    /** GitHub's permission name, or {@code none} for someone who is no collaborator (404). */
    public String of(String authorization, String owner, String repo, String login) {
        try (Response r = clients.gitHub().collaboratorPermission(authorization, owner, repo, login)) {
            if (r.getStatus() == 404) {
                return "none";
            }
            if (r.getStatus() != 200) {
                throw new IllegalStateException("github refused the permission of " + login + " on " + owner + "/"
                        + repo + " (HTTP " + r.getStatus() + ")");
            }
            // "permission" is the legacy name (maintain shows as write); "role_name" the precise one
            var answer = Jsons.createReader(new StringReader(r.readEntity(String.class))).readObject();
            String role = answer.getString("role_name", "");
            return MAY_ASK.contains(role) ? role : answer.getString("permission", "none");
        }
    }

    public static boolean mayAsk(String permission) {
        return MAY_ASK.contains(permission);
    }
}
