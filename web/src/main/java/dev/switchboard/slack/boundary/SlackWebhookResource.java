package dev.switchboard.slack.boundary;

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

/** Slack's two request URLs: the Events API (JSON) and interactivity (form-encoded payload). */
@ApplicationScoped // one instance for every request: Jersey would otherwise build and inject one per request
@Path("webhooks/slack")
public class SlackWebhookResource {

    @Inject
    WebhookEndpoint endpoint;

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response events(@Context HttpHeaders headers, InputStream body) {
        return endpoint.receive(Platform.SLACK, headers, body);
    }

    @POST
    @Path("interactions")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response interactions(@Context HttpHeaders headers, InputStream body) {
        return endpoint.receive(Platform.SLACK, headers, body);
    }
}
