package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.deliveries.entity.WebhookDelivery;
import dev.switchboard.schema.control.UniqueViolation;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Stores a delivery QUEUED in a database-only transaction (the outbox): the platform hears 202 once the row is
 * committed, and {@link OutboxDispatcher} sends its JMS message after the commit. Keeping the broker out of this
 * transaction spares every acknowledgement a two-phase commit; {@link DeliverySweeper} covers a message that
 * never went out.
 */
@Stateless
public class DeliveryIntake {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Event<DeliveryStored> stored;

    @Resource
    SessionContext context;

    /**
     * Returns the new delivery's id, or empty when the same platform + delivery id is stored already (the unique
     * constraint decides, so a duplicate costs no lookup on the path of a new delivery; this transaction is then
     * rolled back quietly instead of surfacing a 500).
     */
    public Optional<String> store(WebhookDelivery delivery) {
        if (!UniqueViolation.persistUnlessTaken(em, context, delivery)) {
            return Optional.empty();
        }
        stored.fire(new DeliveryStored(delivery.getId()));
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
