package dev.switchboard.deliveries.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One webhook delivery as received: stored before it is acknowledged, processed once, kept for replay.
 * The row is the truth; the JMS message that names it is only the nudge to process it.
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(name = WebhookDelivery.BY_DELIVERY_ID,
        query = "select d from WebhookDelivery d where d.platform = :platform and d.deliveryId = :deliveryId")
@NamedQuery(name = WebhookDelivery.COUNT_BY_STATUS,
        query = "select d.platform, d.status, count(d) from WebhookDelivery d group by d.platform, d.status")
@NamedQuery(name = WebhookDelivery.LAST_RECEIVED,
        query = "select d.platform, max(d.receivedAt) from WebhookDelivery d group by d.platform")
@NamedQuery(name = WebhookDelivery.COUNT_SINCE_BY_STATUS,
        query = "select d.status, count(d) from WebhookDelivery d where d.receivedAt >= :since group by d.status")
@NamedQuery(name = WebhookDelivery.OLDEST_IN_STATUS,
        query = "select d from WebhookDelivery d where d.status = :status order by d.receivedAt, d.id")
public class WebhookDelivery {

    public static final String BY_DELIVERY_ID = "WebhookDelivery.byDeliveryId";
    public static final String COUNT_BY_STATUS = "WebhookDelivery.countByStatus";
    public static final String LAST_RECEIVED = "WebhookDelivery.lastReceived";
    public static final String COUNT_SINCE_BY_STATUS = "WebhookDelivery.countSinceByStatus";
    public static final String OLDEST_IN_STATUS = "WebhookDelivery.oldestInStatus";

    static final int MAX_TEXT = 2000;

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private Platform platform;

    @Column(name = "delivery_id")
    private String deliveryId;

    private String event;

    private String action;

    @Column(name = "account_id")
    private String accountId;

    private String headers;

    private String payload;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private int attempts;

    private String outcome;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Version
    private int version;

    protected WebhookDelivery() {
        // for JPA
    }

    public WebhookDelivery(Platform platform, String deliveryId, String event, String action, String accountId,
                           String headersJson, String payloadJson, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.platform = Objects.requireNonNull(platform);
        this.deliveryId = Objects.requireNonNull(deliveryId);
        this.event = Objects.requireNonNull(event);
        this.action = action;
        this.accountId = accountId;
        this.headers = Objects.requireNonNull(headersJson);
        this.payload = Objects.requireNonNull(payloadJson);
        this.status = DeliveryStatus.QUEUED;
        this.receivedAt = now;
        this.updatedAt = now;
    }

    /** Begins an attempt. Returns false when there is nothing to do (already finished, or dead). */
    public boolean start(Instant now) {
        if (!status.awaitsProcessing()) {
            return false;
        }
        status = DeliveryStatus.PROCESSING;
        attempts++;
        updatedAt = now;
        nextAttemptAt = null;
        return true;
    }

    /** Work was done (a job started, an update applied); {@code what} says what. */
    public void processed(String what, Instant now) {
        finish(DeliveryStatus.PROCESSED, what, now);
    }

    /** Valid, but nothing to do; {@code reason} is for the humans reading the console. */
    public void ignored(String reason, Instant now) {
        finish(DeliveryStatus.IGNORED, reason, now);
    }

    private void finish(DeliveryStatus outcomeStatus, String text, Instant now) {
        requireStatus(DeliveryStatus.PROCESSING);
        status = outcomeStatus;
        outcome = clip(text);
        lastError = null;
        updatedAt = now;
    }

    /**
     * An attempt failed. Counts it (a failed attempt usually rolled back with its transaction, taking its
     * {@link #start} along) and either schedules the next one after an exponentially growing delay or, when
     * attempts are used up, marks the delivery DEAD to wait for a replay.
     * Returns the delay until the next attempt, or null when the delivery is dead.
     */
    public Duration failed(String error, int maxAttempts, Duration baseDelay, Instant now) {
        if (status != DeliveryStatus.PROCESSING) {
            attempts++;
        }
        lastError = clip(error);
        updatedAt = now;
        if (attempts >= maxAttempts) {
            status = DeliveryStatus.DEAD;
            nextAttemptAt = null;
            return null;
        }
        status = DeliveryStatus.FAILED;
        Duration delay = baseDelay.multipliedBy(1L << Math.min(attempts - 1, 16));
        nextAttemptAt = now.plus(delay);
        return delay;
    }

    /** An operator asks for another go: any finished or dead delivery goes back to the queue. */
    /**
     * The attempt met a platform's rate limit (or an open circuit): it is tried again after {@code wait}
     * without using up an attempt — the delivery did nothing wrong, and a long limit must not make it DEAD.
     */
    public void postponed(String reason, Duration wait, Instant now) {
        lastError = clip(reason);
        updatedAt = now;
        status = DeliveryStatus.FAILED;
        nextAttemptAt = now.plus(wait);
    }

    public void replay(Instant now) {
        status = DeliveryStatus.QUEUED;
        attempts = 0;
        nextAttemptAt = null;
        updatedAt = now;
    }

    /** The sweeper queued it again because its message never came; restarts the overdue clock. */
    public void requeued(Instant now) {
        updatedAt = now;
        if (status == DeliveryStatus.FAILED) {
            nextAttemptAt = now;
        }
    }

    private void requireStatus(DeliveryStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not " + expected);
        }
    }

    private static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT - 1) + "…";
    }

    public String getId() { return id; }
    public Platform getPlatform() { return platform; }
    public String getDeliveryId() { return deliveryId; }
    public String getEvent() { return event; }
    public String getAction() { return action; }
    public String getAccountId() { return accountId; }
    public String getHeaders() { return headers; }
    public String getPayload() { return payload; }
    public DeliveryStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public String getOutcome() { return outcome; }
    public String getLastError() { return lastError; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
}
