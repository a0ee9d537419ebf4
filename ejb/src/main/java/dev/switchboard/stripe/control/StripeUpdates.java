package dev.switchboard.stripe.control;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.stripe.control.StripeEvent.CustomerEvent;
import dev.switchboard.stripe.control.StripeEvent.InvoiceEvent;
import dev.switchboard.stripe.control.StripeEvent.PaymentMethodEvent;
import dev.switchboard.stripe.control.StripeEvent.SubscriptionEvent;
import dev.switchboard.stripe.entity.EventStamp;
import dev.switchboard.stripe.entity.StripeCustomer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a Stripe event does to a user's billing state, and the outcome text saying so. Pure: the row and,
 * for payment methods, Stripe's answer are handed in, so each rule is tested without a server. Applying an
 * event twice, or an older one after a newer, leaves the state as it was.
 */
public final class StripeUpdates {

    private StripeUpdates() {
    }

    /** The customer an event is about; null only for a payment method detached from no known customer. */
    public static String customerOf(StripeEvent event) {
        if (event instanceof CustomerEvent customer) {
            return customer.customerId();
        }
        if (event instanceof PaymentMethodEvent method) {
            return method.customerId();
        }
        if (event instanceof InvoiceEvent invoice) {
            return invoice.customerId();
        }
        if (event instanceof SubscriptionEvent subscription) {
            return subscription.customerId();
        }
        throw new IllegalArgumentException("no customer in " + event);
    }

    /** For an event naming no customer: a payment method that belonged to none. */
    public static Outcome withoutCustomer(StripeEvent event) {
        if (event instanceof PaymentMethodEvent method) {
            return Outcome.ignored("payment method " + method.paymentMethodId() + " " + method.change()
                    + " belongs to no customer");
        }
        throw new IllegalArgumentException("a customer is required in " + event);
    }

    /**
     * Why an event about a customer no row names cannot be linked to a user, or empty when it can. A
     * customer.deleted is still linked: the row then remembers the customer as deleted, whatever comes later.
     */
    public static Optional<Outcome> unlinkable(StripeEvent event, RemoteCustomer customer) {
        if (customer.deleted() && !(event instanceof CustomerEvent)) {
            return Optional.of(Outcome.ignored("customer " + customer.customerId()
                    + " is deleted at Stripe and linked to no user here"));
        }
        if (customer.userId() == null) {
            return Optional.of(Outcome.ignored("customer " + customer.customerId()
                    + " has no metadata.user_id: not a Switchboard user"));
        }
        return Optional.empty();
    }

    /** The user's row names another, live customer ({@link StripeCustomer.Link#OTHER_CUSTOMER}). */
    public static Outcome linkRefused(String customerId, StripeCustomer row) {
        return Outcome.ignored("customer " + customerId + " names " + row.getUserKey() + ", who has customer "
                + row.getCustomerId() + " already: not linked");
    }

    /**
     * Applies an event to the row of its customer.
     *
     * @param linkedNow      the row was linked to the customer for this event (the outcome says so first)
     * @param paymentMethods Stripe's answer to "has this customer any payment method?"
     */
    public static Outcome apply(StripeCustomer row, StripeEvent event, boolean linkedNow,
                                Predicate<String> paymentMethods, Instant now) {
        Outcome outcome = applyTo(row, event, paymentMethods, now);
        if (!linkedNow) {
            return outcome;
        }
        String linked = "customer " + row.getCustomerId() + " linked to " + row.getUserKey();
        boolean justTheLink = event instanceof CustomerEvent customer && !customer.change().equals("deleted");
        return Outcome.processed(justTheLink ? linked : linked + "; " + outcome.text());
    }

    private static Outcome applyTo(StripeCustomer row, StripeEvent event, Predicate<String> paymentMethods,
                                   Instant now) {
        if (event instanceof CustomerEvent customer) {
            return customer(row, customer, now);
        }
        if (event instanceof PaymentMethodEvent method) {
            return paymentMethod(row, method, paymentMethods, now);
        }
        if (event instanceof InvoiceEvent invoice) {
            return invoice(row, invoice, now);
        }
        if (event instanceof SubscriptionEvent subscription) {
            return subscription(row, subscription, now);
        }
        throw new IllegalArgumentException("unknown Stripe event " + event);
    }

    private static Outcome customer(StripeCustomer row, CustomerEvent event, Instant now) {
        if (event.change().equals("deleted")) {
            return row.markDeleted(now) ? Outcome.processed(of(row) + " marked deleted")
                    : Outcome.ignored(of(row) + " was marked deleted already");
        }
        if (row.isDeleted()) {
            return Outcome.ignored(of(row) + " is deleted: customer." + event.change() + " changes nothing");
        }
        if (event.userId() != null && !event.userId().equals(row.getUserKey())) {
            // Switchboard writes metadata.user_id itself; a change by hand is not followed automatically
            return Outcome.ignored(of(row) + " now says metadata.user_id=" + event.userId() + ": link left as it is");
        }
        return Outcome.ignored(of(row) + " is linked already");
    }

    private static Outcome paymentMethod(StripeCustomer row, PaymentMethodEvent event,
                                         Predicate<String> paymentMethods, Instant now) {
        String method = "payment method " + event.paymentMethodId() + " (" + event.type() + ") " + event.change();
        if (row.isDeleted()) {
            return Outcome.ignored(method + ", but " + of(row) + " is deleted");
        }
        boolean before = row.hasPaymentMethod();
        boolean present = paymentMethods.test(row.getCustomerId());
        row.paymentMethod(present, now);
        String state = present ? "has a payment method" : "has no payment method";
        return before == present ? Outcome.ignored(method + ": " + of(row) + " still " + state)
                : Outcome.processed(method + ": " + of(row) + " " + state + " now");
    }

    private static Outcome invoice(StripeCustomer row, InvoiceEvent event, Instant now) {
        EventStamp stamp = new EventStamp(event.created(), event.eventId());
        EventStamp applied = row.invoiceStamp();
        EventStamp.Order order = row.invoice(event.invoiceId(), event.change(), stamp, now);
        return ordered(order, stamp, applied, "invoice " + event.invoiceId() + " of " + of(row) + " recorded as "
                        + event.change() + " (" + event.amount() + " " + event.currency().toLowerCase(Locale.ROOT)
                        + " in minor units)",
                "last invoice " + row.getInvoiceId() + " stays " + row.getInvoiceStatus());
    }

    private static Outcome subscription(StripeCustomer row, SubscriptionEvent event, Instant now) {
        EventStamp stamp = new EventStamp(event.created(), event.eventId());
        EventStamp applied = row.subscriptionStamp();
        String before = row.getSubscriptionStatus();
        EventStamp.Order order = row.subscription(event.subscriptionId(), event.status(), stamp, now);
        return ordered(order, stamp, applied, "subscription " + event.subscriptionId() + " of " + of(row) + " is "
                        + event.status() + (before == null ? "" : " (was " + before + ")"),
                "subscription " + row.getSubscriptionId() + " stays " + row.getSubscriptionStatus());
    }

    private static Outcome ordered(EventStamp.Order order, EventStamp stamp, EventStamp applied, String change,
                                   String kept) {
        if (order == EventStamp.Order.NEWER) {
            return Outcome.processed(change);
        }
        if (order == EventStamp.Order.SAME) {
            return Outcome.ignored("event " + stamp.eventId() + " was applied already");
        }
        return Outcome.ignored("event " + stamp.eventId() + " (created " + Instant.ofEpochSecond(stamp.created())
                + ") is older than the applied " + applied.eventId() + " (created "
                + Instant.ofEpochSecond(applied.created()) + "): " + kept);
    }

    private static String of(StripeCustomer row) {
        return "customer " + row.getCustomerId() + " (" + row.getUserKey() + ")";
    }
}
