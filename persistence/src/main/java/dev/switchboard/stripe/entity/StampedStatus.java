package dev.switchboard.stripe.entity;

import jakarta.persistence.Embeddable;

/**
 * The status of one Stripe object (a subscription, an invoice) together with the {@link EventStamp} of the
 * event it was read from, so that a later event replaces it only when it is newer.
 */
@Embeddable
public class StampedStatus {

    private String objectId;
    private String status;
    private Long eventCreated;
    private String eventId;

    protected StampedStatus() {
    }

    static StampedStatus empty() {
        return new StampedStatus();
    }

    /** Takes the object's status from the event unless the stored one comes from a newer event. */
    EventStamp.Order take(String objectId, String status, EventStamp stamp) {
        EventStamp.Order order = stamp.against(stamp());
        if (order == EventStamp.Order.NEWER) {
            this.objectId = objectId;
            this.status = status;
            this.eventCreated = stamp.created();
            this.eventId = stamp.eventId();
        }
        return order;
    }

    /** Null when no event has set it yet. */
    public EventStamp stamp() {
        return eventCreated == null || eventId == null ? null : new EventStamp(eventCreated, eventId);
    }

    public String objectId() {
        return objectId;
    }

    public String status() {
        return status;
    }
}
