package dev.switchboard.microagents.boundary;

import dev.switchboard.accounts.boundary.CurrentUser;
import dev.switchboard.json.Jsons;
import dev.switchboard.microagents.control.Microagents;
import dev.switchboard.microagents.control.RepositoryAccess;
import dev.switchboard.microagents.control.RepositoryMicroagents;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A repository's microagents as the signed-in user's linked account sees them, with the files that failed to load:
 * {@code GET /api/repos/{provider}/{owner}/{repo}/microagents?ref=}.
 */
@Path("repos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryMicroagentsResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    RepositoryCredentials credentials;

    @Inject
    Microagents microagents;

    /** {@code repository} takes the rest of the path: GitLab projects may sit in subgroups. */
    @GET
    @Path("{provider}/{repository: .+}/microagents")
    public String list(@PathParam("provider") String provider, @PathParam("repository") String repository,
            @QueryParam("ref") String ref) {
        RepositoryAccess access = credentials.forUser(currentUser.require().getId(), provider, repository, null);
        RepositoryMicroagents loaded = microagents.load(access, MicroagentsResource.blankToNull(ref));
        JsonArrayBuilder agents = Jsons.createArrayBuilder();
        loaded.catalog().agents().forEach(agent -> agents.add(MicroagentJson.agent(agent)));
        return Jsons.createObjectBuilder().add("repository", access.fullName()).add("provider", access.platform().id())
                .add("commit", loaded.commit()).add("agents", agents)
                .add("errors", MicroagentJson.errors(loaded.catalog().errors())).build().toString();
    }
}
