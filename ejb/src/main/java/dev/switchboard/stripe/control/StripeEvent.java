package dev.switchboard.stripe.control;

/**
 * A Stripe event as Switchboard understands it; anything else is {@link Unsupported}. {@code created} is the
 * event's creation time in epoch seconds, the only order Stripe gives its events.
 */
public sealed interface StripeEvent {

    /**
     * @param change  "created", "updated" or "deleted"
     * @param userId  {@code metadata.user_id}, which maps a team-mode user ({@code github:octocat}); may be null
     * @param email   the customer's email; may be null
     */
    record CustomerEvent(String eventId, long created, String change, String customerId, String userId,
                         String email) implements StripeEvent {
    }

    /**
     * @param change     "attached" or "detached"
     * @param customerId the customer it belongs (or, once detached, belonged) to; may be null
     */
    record PaymentMethodEvent(String eventId, long created, String change, String paymentMethodId, String type,
                              String customerId) implements StripeEvent {
    }

    /**
     * @param change "paid" or "payment_failed"
     * @param amount in the currency's smallest unit: amount_paid when paid, amount_due when it failed
     */
    record InvoiceEvent(String eventId, long created, String change, String invoiceId, String customerId,
                        long amount, String currency) implements StripeEvent {
    }

    /**
     * @param change "created", "updated" or "deleted"
     * @param status the subscription's status after the event ({@code active}, {@code past_due},
     *               {@code canceled}, ...); a deleted subscription is {@code canceled}
     */
    record SubscriptionEvent(String eventId, long created, String change, String subscriptionId,
                             String customerId, String status) implements StripeEvent {
    }

    /** An event type Switchboard does not act on, with the reason. */
    record Unsupported(String reason) implements StripeEvent {
    }
}
