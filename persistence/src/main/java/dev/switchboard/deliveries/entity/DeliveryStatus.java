package dev.switchboard.deliveries.entity;

/** Where a stored delivery stands; see {@link WebhookDelivery} for the transitions. */
public enum DeliveryStatus {
    QUEUED, PROCESSING, PROCESSED, IGNORED, FAILED, DEAD;

    /**
     * A delivery in one of these states still has to be (re)processed when its message arrives.
     * PROCESSING is never committed on its own (processing is one transaction holding the row lock),
     * so a crash mid-way leaves the row QUEUED or FAILED and the redelivered message finishes it.
     */
    public boolean awaitsProcessing() {
        return this == QUEUED || this == FAILED;
    }
}
