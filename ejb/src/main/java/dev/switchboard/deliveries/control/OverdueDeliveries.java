package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.WebhookDelivery;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One sweep of {@link DeliverySweeper}: its own transaction, so a failed sweep is rolled back whole. */
@Stateless
public class OverdueDeliveries {

    static final String OVERDUE = "select d from WebhookDelivery d"
            + " where (d.status = dev.switchboard.deliveries.entity.DeliveryStatus.QUEUED and d.updatedAt < :cutoff)"
            + " or (d.status = dev.switchboard.deliveries.entity.DeliveryStatus.FAILED and d.nextAttemptAt < :cutoff)"
            + " order by d.updatedAt";
    /** Hibernate's value of the standard lock timeout for SKIP LOCKED (a database without it waits instead). */
    static final int SKIP_LOCKED = -2;
    static final int BATCH = 200;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    DeliveryQueue queue;

    /**
     * Queues the overdue deliveries again and returns how many. The rows stay locked until the messages are
     * committed with their new clock, and rows another sweep holds (another node, or an overlapping run) are
     * skipped rather than waited for: each overdue delivery gets one new message, not one per sweeper.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int requeue(Instant cutoff) {
        List<WebhookDelivery> overdue = em.createQuery(OVERDUE, WebhookDelivery.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(BATCH)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .getResultList();
        Instant now = Instant.now();
        for (WebhookDelivery delivery : overdue) {
            delivery.requeued(now);
            queue.nudge(delivery.getId(), Duration.ZERO);
        }
        return overdue.size();
    }
}
