package dev.switchboard.github.boundary;

import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.github.control.GitHubAppTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/** Operators check that the GitHub App can act for an installation (the token itself is never shown). */
@Path("admin/github/installations")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class GitHubInstallationsResource {

    @Inject
    GitHubAppTokens tokens;

    @POST
    @Path("{id}/verify")
    @Bulkhead(SwitchboardApi.OUTBOUND_BULKHEAD)
    public String verify(@PathParam("id") long installationId) {
        GitHubAppTokens.Verification v = tokens.verify(installationId);
        return Json.createObjectBuilder()
                .add("installationId", v.installationId())
                .add("repositories", v.repositories())
                .add("tokenExpiresAt", v.tokenExpiresAt().toString())
                .build().toString();
    }
}
