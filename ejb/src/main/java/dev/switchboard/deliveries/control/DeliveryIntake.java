package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.deliveries.entity.WebhookDelivery;
import dev.switchboard.schema.control.UniqueViolation;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.Optional;

/** Stores a delivery and queues it in one transaction: the platform hears 202 only after both commit. */
@Stateless
public class DeliveryIntake {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    DeliveryQueue queue;

    @Resource
    SessionContext context;

    /**
     * Returns the new delivery's id, or empty when the same platform + delivery id was committed first
     * by a concurrent request (the unique constraint decides; this transaction is then rolled back
     * quietly instead of surfacing a 500).
     */
    public Optional<String> store(WebhookDelivery delivery) {
        em.persist(delivery);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.in(e)) {
                context.setRollbackOnly();
                return Optional.empty();
            }
            throw e;
        }
        queue.nudge(delivery.getId(), Duration.ZERO);
        return Optional.of(delivery.getId());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> existingId(Platform platform, String deliveryId) {
        return em.createNamedQuery(WebhookDelivery.BY_DELIVERY_ID, WebhookDelivery.class)
                .setParameter("platform", platform)
                .setParameter("deliveryId", deliveryId)
                .getResultStream()
                .map(WebhookDelivery::getId)
                .findFirst();
    }
}
