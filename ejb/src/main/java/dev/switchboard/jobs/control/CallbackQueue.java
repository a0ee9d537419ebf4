package dev.switchboard.jobs.control;

import dev.switchboard.json.Jsons;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import java.time.Duration;

/**
 * Sends the nudge that gets a job's state change told on its platform. Always inside the caller's transaction,
 * so the message exists exactly when the state change that needs it is committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CallbackQueue {

    /** The resource the listener reads from (its {@code destinationLookup}, resolved by the server's adapter). */
    public static final String QUEUE = "jms/switchboard/Callbacks";
    /**
     * The broker's name of that queue, which both servers' set-up scripts create: sending by it is plain JMS,
     * where injecting the resource by its Payara name would not resolve on WildFly.
     */
    static final String PHYSICAL_NAME = "SwitchboardCallbacks";
    public static final int SCHEMA_VERSION = 1;

    @Inject
    JMSContext jms;

    /** @param change the job's state-change counter the message is about */
    public void nudge(String jobId, int change, Duration delay) {
        String body = Jsons.createObjectBuilder()
                .add("v", SCHEMA_VERSION)
                .add("job", jobId)
                .add("change", change)
                .build().toString();
        JMSProducer producer = jms.createProducer().setProperty("schema", SCHEMA_VERSION);
        if (!delay.isZero() && !delay.isNegative()) {
            producer.setDeliveryDelay(delay.toMillis());
        }
        producer.send(jms.createQueue(PHYSICAL_NAME), body);
    }
}
