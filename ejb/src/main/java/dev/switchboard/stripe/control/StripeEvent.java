package dev.switchboard.stripe.control;

/** A Stripe event as Switchboard understands it; anything else is {@link Unsupported}. */
public sealed interface StripeEvent {

    /**
     * @param change  "created", "updated" or "deleted"
     * @param userId  {@code metadata.user_id}, which maps a team-mode user ({@code github:octocat}); may be null
     */
    record CustomerEvent(String eventId, String change, String customerId, String userId) implements StripeEvent {
    }

    /**
     * @param change     "attached" or "detached"
     * @param customerId the customer it belongs (or, once detached, belonged) to; may be null
     */
    record PaymentMethodEvent(String eventId, String change, String paymentMethodId, String type,
                              String customerId) implements StripeEvent {
    }

    /**
     * @param change "paid" or "payment_failed"
     * @param amount in the currency's smallest unit: amount_paid when paid, amount_due when it failed
     */
    record InvoiceEvent(String eventId, String change, String invoiceId, String customerId, long amount,
                        String currency) implements StripeEvent {
    }

    /** An event type Switchboard does not act on, with the reason. */
    record Unsupported(String reason) implements StripeEvent {
    }
}
