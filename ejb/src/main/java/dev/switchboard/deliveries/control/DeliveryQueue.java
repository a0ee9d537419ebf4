package dev.switchboard.deliveries.control;

import dev.switchboard.json.Jsons;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.List;

/**
 * Sends the nudges that get stored deliveries processed. {@link #nudge} joins the caller's transaction, so a
 * message exists exactly when the row change that needs it is committed; {@link #nudgeCommitted} is the
 * outbox's side, for rows already committed QUEUED.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DeliveryQueue {

    /** The resource the listener reads from (its {@code destinationLookup}, resolved by the server's adapter). */
    public static final String QUEUE = "jms/switchboard/Deliveries";
    /** The broker's name of that queue, created by both servers' set-up scripts (see {@code CallbackQueue}). */
    public static final String PHYSICAL_NAME = "SwitchboardDeliveries";
    public static final int SCHEMA_VERSION = 1;

    @Inject
    JMSContext jms;

    public void nudge(String deliveryId, Duration delay) {
        JMSProducer producer = producer();
        if (!delay.isZero() && !delay.isNegative()) {
            producer.setDeliveryDelay(delay.toMillis());
        }
        producer.send(queue(), body(deliveryId));
    }

    /**
     * One broker transaction for a batch of committed deliveries: the only resource in it, so it commits in one
     * phase. If it fails, the rows stay QUEUED and {@link DeliverySweeper} sends their messages later.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void nudgeCommitted(List<String> deliveryIds) {
        JMSProducer producer = producer();
        for (String id : deliveryIds) {
            producer.send(queue(), body(id));
        }
    }

    private Queue queue() {
        return jms.createQueue(PHYSICAL_NAME);
    }

    private JMSProducer producer() {
        return jms.createProducer().setProperty("schema", SCHEMA_VERSION);
    }

    static String body(String deliveryId) {
        return Jsons.createObjectBuilder().add("v", SCHEMA_VERSION).add("delivery", deliveryId).build().toString();
    }
}
