package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.WebhookDelivery;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The safety net under the queue: a delivery whose nudge never came (a broker that lost it, a retry
 * whose delayed message vanished with a crashed broker) is queued again. Normally it finds nothing.
 */
@Singleton
public class DeliverySweeper {

    private static final Logger LOG = Logger.getLogger(DeliverySweeper.class.getName());

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    DeliveryQueue queue;

    /** How long a delivery may wait for its message before the sweeper sends another. */
    @Inject
    @ConfigProperty(name = "delivery.sweep.after.ms", defaultValue = "120000")
    long overdueMs;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    public void requeueOverdue() {
        Instant cutoff = Instant.now().minusMillis(overdueMs);
        List<WebhookDelivery> overdue = em.createQuery(
                        "select d from WebhookDelivery d where (d.status = dev.switchboard.deliveries.entity.DeliveryStatus.QUEUED"
                                + " and d.updatedAt < :cutoff) or (d.status = dev.switchboard.deliveries.entity.DeliveryStatus.FAILED"
                                + " and d.nextAttemptAt < :cutoff)", WebhookDelivery.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(200)
                .getResultList();
        for (WebhookDelivery delivery : overdue) {
            delivery.requeued(Instant.now());
            queue.nudge(delivery.getId(), Duration.ZERO);
        }
        if (!overdue.isEmpty()) {
            LOG.warning(() -> "re-queued " + overdue.size() + " overdue deliveries");
        }
    }
}
