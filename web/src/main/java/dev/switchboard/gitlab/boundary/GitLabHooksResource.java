package dev.switchboard.gitlab.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.accounts.boundary.CurrentUser;
import dev.switchboard.gitlab.control.GitLabHookInstaller;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in user's GitLab projects and groups get Switchboard's webhook (the seed's installation flow). */
@Path("gitlab/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GitLabHooksResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    GitLabHookInstaller installer;

    @POST
    @Path("sync")
    public String sync() {
        JsonArrayBuilder hooks = Jsons.createArrayBuilder();
        GitLabHookInstaller.Sync sync = installer.sync(currentUser.require().getId());
        for (GitLabHookInstaller.Result r : sync.hooks()) {
            JsonObjectBuilder hook = Jsons.createObjectBuilder()
                    .add("resourceType", r.type().name().toLowerCase())
                    .add("resourceId", r.resourceId())
                    .add("status", r.status().name());
            nullable(hook, "path", r.path());
            nullable(hook, "reason", r.reason());
            if (r.hookId() == null) {
                hook.addNull("hookId");
            } else {
                hook.add("hookId", r.hookId().longValue());
            }
            hooks.add(hook);
        }
        JsonObjectBuilder answer = Jsons.createObjectBuilder().add("hooks", hooks);
        nullable(answer, "incomplete", sync.incomplete());
        return answer.build().toString();
    }
}
