package dev.switchboard.stripe.entity;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a Stripe event stands in time: its {@code created} (epoch seconds) and, for events created in the
 * same second, its id. Stripe neither orders deliveries nor promises one delivery per event, so billing
 * state keeps the stamp of the event it was set from and takes a later event only when it is newer. The id
 * tie-break is arbitrary but total: two events of one second end in the same state in either order.
 */
public record EventStamp(long created, String eventId) implements Comparable<EventStamp> {

    private static final Comparator<EventStamp> ORDER =
            Comparator.comparingLong(EventStamp::created).thenComparing(EventStamp::eventId);

    /** How an incoming event relates to the one the state was set from. */
    public enum Order {
        /** newer than what is stored (or nothing is stored yet): apply it */
        NEWER,
        /** the very event the state was set from: a redelivery or replay, nothing to do */
        SAME,
        /** older than what is stored: it arrived late, nothing to do */
        OLDER
    }

    public EventStamp {
        Objects.requireNonNull(eventId, "eventId");
    }

    /** @param applied the stamp stored with the state, null when the state was never set */
    public Order against(EventStamp applied) {
        if (applied == null) {
            return Order.NEWER;
        }
        int c = compareTo(applied);
        return c > 0 ? Order.NEWER : c == 0 ? Order.SAME : Order.OLDER;
    }

    @Override
    public int compareTo(EventStamp other) {
        return ORDER.compare(this, other);
    }
}
