package dev.switchboard.stripe.boundary;

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

/** Stripe event destinations. */
@ApplicationScoped // one instance for every request: Jersey would otherwise build and inject one per request
@Path("webhooks/stripe")
public class StripeWebhookResource {

    @Inject
    WebhookEndpoint endpoint;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@Context HttpHeaders headers, InputStream body) {
        return endpoint.receive(Platform.STRIPE, headers, body);
    }
}
