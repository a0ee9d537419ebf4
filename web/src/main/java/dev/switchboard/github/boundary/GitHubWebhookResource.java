package dev.switchboard.github.boundary;

import dev.switchboard.deliveries.boundary.WebhookEndpoint;
import dev.switchboard.deliveries.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** GitHub App and repository/organization webhooks (JSON or form-encoded). */
@ApplicationScoped // one instance for every request: Jersey would otherwise build and inject one per request
@Path("webhooks/github")
public class GitHubWebhookResource {

    @Inject
    WebhookEndpoint endpoint;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@Context HttpHeaders headers, InputStream body) {
        return endpoint.receive(Platform.GITHUB, headers, body);
    }
}
