package dev.switchboard.stripe.control;

import static dev.switchboard.events.control.EventJson.number;
import static dev.switchboard.events.control.EventJson.object;
import static dev.switchboard.events.control.EventJson.optionalString;
import static dev.switchboard.events.control.EventJson.string;

import dev.switchboard.events.control.EventJson;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.stripe.control.StripeEvent.CustomerEvent;
import dev.switchboard.stripe.control.StripeEvent.InvoiceEvent;
import dev.switchboard.stripe.control.StripeEvent.PaymentMethodEvent;
import dev.switchboard.stripe.control.StripeEvent.SubscriptionEvent;
import dev.switchboard.stripe.control.StripeEvent.Unsupported;
import jakarta.json.JsonObject;
import java.util.Objects;

/** Reads a stored Stripe delivery (event {@code type} and event JSON) into a {@link StripeEvent}. */
public final class StripeEventParser {

    private StripeEventParser() {
    }

    public static StripeEvent parse(String event, String payload) throws MalformedEventException {
        Objects.requireNonNull(event, "event");
        JsonObject root = EventJson.parse(payload);
        return switch (event) {
            case "customer.created", "customer.updated", "customer.deleted" -> customer(root, change(event));
            case "payment_method.attached", "payment_method.detached" -> paymentMethod(root, change(event));
            case "invoice.paid", "invoice.payment_failed" -> invoice(root, change(event));
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                    subscription(root, change(event));
            default -> new Unsupported("event type '" + event + "' is not handled");
        };
    }

    private static String change(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static StripeEvent customer(JsonObject root, String change) throws MalformedEventException {
        object(root, "data.object");
        return new CustomerEvent(string(root, "id"), number(root, "created"), change, string(root, "data.object.id"),
                optionalString(root, "data.object.metadata.user_id").orElse(null),
                optionalString(root, "data.object.email").orElse(null));
    }

    private static StripeEvent paymentMethod(JsonObject root, String change) throws MalformedEventException {
        object(root, "data.object");
        // On detach Stripe has already cleared data.object.customer; previous_attributes keeps the old one.
        String customer = optionalString(root, "data.object.customer").orElse(null);
        if (customer == null) {
            customer = optionalString(root, "data.previous_attributes.customer").orElse(null);
        }
        return new PaymentMethodEvent(string(root, "id"), number(root, "created"), change, string(root, "data.object.id"),
                string(root, "data.object.type"), customer);
    }

    private static StripeEvent invoice(JsonObject root, String change) throws MalformedEventException {
        object(root, "data.object");
        String amountField = change.equals("paid") ? "data.object.amount_paid" : "data.object.amount_due";
        return new InvoiceEvent(string(root, "id"), number(root, "created"), change, string(root, "data.object.id"),
                string(root, "data.object.customer"), number(root, amountField),
                string(root, "data.object.currency"));
    }

    private static StripeEvent subscription(JsonObject root, String change) throws MalformedEventException {
        object(root, "data.object");
        return new SubscriptionEvent(string(root, "id"), number(root, "created"), change,
                string(root, "data.object.id"), string(root, "data.object.customer"),
                string(root, "data.object.status"));
    }
}
