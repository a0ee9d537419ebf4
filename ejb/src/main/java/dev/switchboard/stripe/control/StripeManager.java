package dev.switchboard.stripe.control;

import dev.switchboard.deliveries.control.Manager;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import jakarta.ejb.Stateless;

/**
 * Processes stored Stripe deliveries; a malformed payload propagates so the delivery is retried. Billing
 * events never start jobs, so this manager needs no {@code AgentTriggers}.
 */
@Stateless
public class StripeManager implements Manager {

    public StripeManager() {
    }

    @Override
    public Platform platform() {
        return Platform.STRIPE;
    }

    @Override
    public Outcome receive(String event, String payload) throws MalformedEventException {
        return StripeUpdates.decide(StripeEventParser.parse(event, payload));
    }
}
