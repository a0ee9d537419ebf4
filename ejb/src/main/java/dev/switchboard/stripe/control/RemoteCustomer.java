package dev.switchboard.stripe.control;

import dev.switchboard.stripe.control.StripeEvent.CustomerEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What Stripe says of a customer Switchboard has no row for: whose it is ({@code metadata.user_id}) and
 * whether it is deleted. Read from a customer event's object, or fetched for any other event.
 */
public record RemoteCustomer(String customerId, String userId, String email, boolean deleted) {

    static RemoteCustomer of(CustomerEvent event) {
        return new RemoteCustomer(event.customerId(), event.userId(), event.email(), event.change().equals("deleted"));
    }

    /** From {@code GET /v1/customers/{id}}: a deleted customer comes back as {@code {"id", "deleted": true}}. */
    static RemoteCustomer from(JsonObject customer) {
        JsonValue metadata = customer.get("metadata");
        String userId = metadata instanceof JsonObject fields ? text(fields.get("user_id")) : null;
        return new RemoteCustomer(customer.getString("id"), userId, text(customer.get("email")),
                customer.getBoolean("deleted", false));
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString text && !text.getString().isBlank() ? text.getString() : null;
    }
}
