package dev.switchboard.deliveries.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.json.Json;
import java.time.Duration;

/**
 * Sends the nudge that gets a stored delivery processed. Always inside the caller's transaction, so a
 * message exists exactly when the row change that needs it is committed.
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
        String body = Json.createObjectBuilder()
                .add("v", SCHEMA_VERSION)
                .add("delivery", deliveryId)
                .build().toString();
        JMSProducer producer = jms.createProducer().setProperty("schema", SCHEMA_VERSION);
        if (!delay.isZero() && !delay.isNegative()) {
            producer.setDeliveryDelay(delay.toMillis());
        }
        producer.send(jms.createQueue(PHYSICAL_NAME), body);
    }
}
