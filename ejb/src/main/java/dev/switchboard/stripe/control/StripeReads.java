package dev.switchboard.stripe.control;

import dev.switchboard.clients.control.PlatformClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * The Stripe reads that webhook processing needs. Each call is made once: retries and rate-limit waits
 * belong to the platform clients, and a failure propagates so the delivery is retried as a whole.
 */
@ApplicationScoped
public class StripeReads {

    @Inject
    PlatformClients clients;

    public RemoteCustomer customer(String customerId) {
        try (Response response = clients.stripe().customer(StripeKey.bearer(), customerId)) {
            return RemoteCustomer.from(ok(response, "fetch customer " + customerId));
        }
    }

    /** Stripe's own list, not the events, decides: attach and detach may arrive in either order. */
    public boolean hasPaymentMethod(String customerId) {
        try (Response response = clients.stripe().paymentMethods(StripeKey.bearer(), customerId, null, 1, null)) {
            return !ok(response, "list the payment methods of customer " + customerId).getJsonArray("data").isEmpty();
        }
    }

    private static JsonObject ok(Response response, String what) {
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            throw new StripeSyncException("Stripe answered HTTP " + response.getStatus() + " to: " + what);
        }
        return response.readEntity(JsonObject.class);
    }
}
