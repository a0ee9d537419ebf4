package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.DeliveryStatus;
import dev.switchboard.deliveries.entity.WebhookDelivery;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * How far processing is behind intake, measured in the database rather than on the broker: the number of
 * deliveries in status QUEUED (stored and acknowledged, not yet taken by a listener) and the age of the
 * oldest one. The database is the source of truth for every delivery, and JMS offers no portable queue depth.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class QueueDepth {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public long queued() {
        return em.createQuery("select count(d) from WebhookDelivery d where d.status = :status", Long.class)
                .setParameter("status", DeliveryStatus.QUEUED).getSingleResult();
    }

    /** How long the oldest QUEUED delivery has waited; zero when none waits. */
    public Duration oldestAge(Instant now) {
        return em.createNamedQuery(WebhookDelivery.OLDEST_IN_STATUS, WebhookDelivery.class)
                .setParameter("status", DeliveryStatus.QUEUED).setMaxResults(1).getResultStream().findFirst()
                .map(d -> Duration.between(d.getReceivedAt(), now)).filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }
}
