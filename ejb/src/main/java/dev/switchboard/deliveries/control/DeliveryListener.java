package dev.switchboard.deliveries.control;

import dev.switchboard.json.Jsons;
import dev.switchboard.ratelimits.control.RateLimitedException;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Logger;

/**
 * Hands each queued delivery to its processor. An attempt that met a platform's rate limit is postponed
 * until the limit ends (not slept here, not counted as a failure). A failed attempt is recorded (and its retry scheduled)
 * in a transaction of its own; if even that fails, the exception propagates so that the broker
 * redelivers the message — nothing is swallowed.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = DeliveryQueue.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class DeliveryListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeliveryListener.class.getName());

    @Inject
    DeliveryProcessor processor;

    @Override
    public void onMessage(Message message) {
        String deliveryId = deliveryId(message);
        if (deliveryId == null) {
            return;
        }
        try {
            processor.process(deliveryId);
        } catch (RateLimitedException e) {
            processor.postpone(deliveryId, e);
        } catch (RuntimeException e) {
            processor.recordFailure(deliveryId, DeliveryFailure.describe(e));
        }
    }

    /** The delivery a message names, or null for a message that is not ours (logged, then dropped). */
    private static String deliveryId(Message message) {
        try {
            if (message instanceof TextMessage text) {
                JsonObject body = Jsons.createReader(new StringReader(text.getText())).readObject();
                if (body.getInt("v", 0) == DeliveryQueue.SCHEMA_VERSION) {
                    return body.getString("delivery");
                }
            }
        } catch (JMSException | JsonException | ClassCastException | NullPointerException e) {
            // falls through to the warning below
        }
        LOG.warning(() -> "dropped a message that names no delivery: " + message);
        return null;
    }
}
