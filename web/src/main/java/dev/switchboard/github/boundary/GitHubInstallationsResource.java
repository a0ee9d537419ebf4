package dev.switchboard.github.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.github.control.GitHubAppTokens;
import dev.switchboard.github.control.GitHubInstallationDirectory;
import dev.switchboard.github.entity.GitHubInstallation;
import dev.switchboard.json.Jsons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Operators list the GitHub App's installations and check that the App can act for one. Whether a token is
 * cached, and until when, is shown; the token itself never.
 */
@Path("admin/github/installations")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class GitHubInstallationsResource {

    @Inject
    GitHubAppTokens tokens;

    @Inject
    GitHubInstallationDirectory directory;

    @GET
    public String list() {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (GitHubInstallation installation : directory.recent(SwitchboardApi.MAX_LISTED)) {
            var item = Jsons.createObjectBuilder().add("installationId", installation.getInstallationId());
            nullable(item, "accountLogin", installation.getAccountLogin());
            nullable(item, "accountType", installation.getAccountType());
            nullable(item, "repositorySelection", installation.getRepositorySelection());
            item.add("tokenCached", installation.getAccessToken() != null);
            nullable(item, "tokenExpiresAt", installation.getAccessTokenExpiresAt());
            nullable(item, "updatedAt", installation.getUpdatedAt());
            items.add(item);
        }
        return Jsons.createObjectBuilder().add("items", items).build().toString();
    }

    @POST
    @Path("{id}/verify")
    @Bulkhead(SwitchboardApi.OUTBOUND_BULKHEAD)
    public String verify(@PathParam("id") long installationId) {
        GitHubAppTokens.Verification v = tokens.verify(installationId);
        return Jsons.createObjectBuilder()
                .add("installationId", v.installationId())
                .add("repositories", v.repositories())
                .add("tokenExpiresAt", v.tokenExpiresAt().toString())
                .build().toString();
    }
}
