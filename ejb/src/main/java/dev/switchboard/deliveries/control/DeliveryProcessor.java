package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.WebhookDelivery;
import dev.switchboard.ratelimits.control.RateLimitedException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Processes one stored delivery exactly once: the attempt runs in its own transaction holding the row's
 * lock, so concurrent messages for the same delivery wait, then find it finished and do nothing.
 */
@Stateless
public class DeliveryProcessor {

    private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class.getName());

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Managers managers;

    @Inject
    DeliveryQueue queue;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    @ConfigProperty(name = "delivery.max.attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "delivery.retry.delay.ms", defaultValue = "10000")
    long retryDelayMs;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void process(String deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            LOG.warning(() -> "message for unknown delivery " + deliveryId + " dropped");
            return;
        }
        long started = System.nanoTime();
        if (!delivery.start(Instant.now())) {
            return; // finished by an earlier message, or dead and waiting for a replay
        }
        Outcome outcome;
        try {
            outcome = managers.of(delivery.getPlatform()).receive(delivery.getId(), delivery.getEvent(),
                    delivery.getPayload());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DeliveryFailure("manager failed", e);
        }
        if (outcome.processed()) {
            delivery.processed(outcome.text(), Instant.now());
        } else {
            delivery.ignored(outcome.text(), Instant.now());
        }
        metrics.processed(delivery.getPlatform(), delivery.getStatus());
        outcomes.settled(delivery, System.nanoTime() - started);
    }

    /** The attempt met a rate limit or an open circuit: the delivery waits it out, FAILED with the reason. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void postpone(String deliveryId, RateLimitedException limit) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.getStatus().awaitsProcessing()) {
            return;
        }
        delivery.postponed(limit.getMessage(), limit.waitFor(), Instant.now());
        queue.nudge(deliveryId, limit.waitFor());
        LOG.info(() -> "delivery " + deliveryId + " rescheduled: " + limit.getMessage());
    }

    /** Records a failed attempt and schedules the next one, or marks the delivery DEAD. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String deliveryId, String error) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.getStatus().awaitsProcessing()) {
            return; // gone, or another message finished it meanwhile
        }
        Duration next = delivery.failed(error, maxAttempts, Duration.ofMillis(retryDelayMs), Instant.now());
        metrics.processed(delivery.getPlatform(), delivery.getStatus());
        outcomes.failed(delivery);
        if (next != null) {
            queue.nudge(deliveryId, next);
            LOG.info(() -> "delivery " + deliveryId + " failed attempt " + delivery.getAttempts() + ", retry in "
                    + next + ": " + error);
        } else {
            LOG.warning(() -> "delivery " + deliveryId + " is DEAD after " + delivery.getAttempts()
                    + " attempts: " + error);
        }
    }
}
