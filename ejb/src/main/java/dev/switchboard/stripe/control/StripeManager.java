package dev.switchboard.stripe.control;

import dev.switchboard.deliveries.control.Manager;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.stripe.control.StripeEvent.CustomerEvent;
import dev.switchboard.stripe.control.StripeEvent.Unsupported;
import dev.switchboard.stripe.entity.StripeCustomer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps billing state current from stored Stripe deliveries. It runs in the delivery's transaction, which
 * holds the delivery's lock; the customer's row is locked too, so two deliveries about one customer take
 * turns and the event-time comparison in {@link StripeUpdates} sees the other's result. A customer with no
 * row yet is looked up at Stripe to learn its user. A malformed payload or a failed Stripe call propagates,
 * so the delivery is retried. Billing events never start jobs, so this manager needs no
 * {@code AgentTriggers}.
 */
@Stateless
public class StripeManager implements Manager {

    @Inject
    StripeCustomerRows rows;

    @Inject
    StripeReads stripe;

    public StripeManager() {
    }

    @Override
    public Platform platform() {
        return Platform.STRIPE;
    }

    @Override
    public Outcome receive(String event, String payload) throws MalformedEventException {
        StripeEvent parsed = StripeEventParser.parse(event, payload);
        if (parsed instanceof Unsupported unsupported) {
            return Outcome.ignored(unsupported.reason());
        }
        String customerId = StripeUpdates.customerOf(parsed);
        if (customerId == null) {
            return StripeUpdates.withoutCustomer(parsed);
        }
        Instant now = Instant.now();
        Optional<StripeCustomer> known = rows.lockedByCustomerId(customerId);
        if (known.isPresent()) {
            return StripeUpdates.apply(known.get(), parsed, false, stripe::hasPaymentMethod, now);
        }
        // a customer event carries the customer itself; any other event may come before it (Stripe's order)
        RemoteCustomer owner = parsed instanceof CustomerEvent customer ? RemoteCustomer.of(customer)
                : stripe.customer(customerId);
        Optional<Outcome> refused = StripeUpdates.unlinkable(parsed, owner);
        if (refused.isPresent()) {
            return refused.get();
        }
        StripeCustomer row = rows.lockedOrInserted(owner.userId(), owner.email(), now)
                .orElseThrow(() -> new StripeSyncException("the billing row of " + owner.userId()
                        + " was inserted by a concurrent delivery; this one is applied on its next attempt"));
        StripeCustomer.Link link = row.link(customerId, now);
        if (link == StripeCustomer.Link.OTHER_CUSTOMER) {
            return StripeUpdates.linkRefused(customerId, row);
        }
        return StripeUpdates.apply(row, parsed, link == StripeCustomer.Link.LINKED, stripe::hasPaymentMethod, now);
    }
}
