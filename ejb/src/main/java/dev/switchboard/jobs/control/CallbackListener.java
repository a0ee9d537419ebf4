package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.jobs.entity.NoticeStatus;
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
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands each queued state change to {@link CallbackProcessing}. A post that failed is tried again by a new,
 * delayed message (doubling delay) until its notice is DEAD; a rate limit waits for its end without counting.
 * A failure before any notice was stored propagates, so the broker redelivers — nothing is swallowed.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = CallbackQueue.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class CallbackListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(CallbackListener.class.getName());

    @Inject
    CallbackProcessing processing;

    @Inject
    Notices notices;

    @Inject
    CallbackQueue queue;

    @Inject
    @ConfigProperty(name = "job.notice.retry.delay.ms", defaultValue = "10000")
    long retryDelayMs;

    @Override
    public void onMessage(Message message) {
        JsonObject body = body(message);
        if (body == null) {
            return;
        }
        String jobId = body.getString("job");
        int change = body.getInt("change");
        try {
            processing.process(jobId, change);
        } catch (RateLimitedException e) {
            queue.nudge(jobId, change, e.waitFor());
        } catch (RuntimeException e) {
            Optional<JobNotice> notice = notices.byKey(CallbackProcessing.key(jobId, change));
            if (notice.isEmpty()) {
                throw e;
            }
            if (notice.get().getStatus() == NoticeStatus.PENDING) {
                Duration next = Duration.ofMillis(retryDelayMs).multipliedBy(1L << Math.min(10, notice.get().getAttempts() - 1));
                LOG.info(() -> "post for job " + jobId + " failed, retry in " + next + ": " + e.getMessage());
                queue.nudge(jobId, change, next);
            }
        }
    }

    /** The message's body, or null for a message that is not ours (logged, then dropped). */
    private static JsonObject body(Message message) {
        try {
            if (message instanceof TextMessage text) {
                JsonObject body = Jsons.createReader(new StringReader(text.getText())).readObject();
                if (body.getInt("v", 0) == CallbackQueue.SCHEMA_VERSION && body.containsKey("job")
                        && body.containsKey("change")) {
                    return body;
                }
            }
        } catch (JMSException | JsonException | ClassCastException e) {
            // falls through to the warning below
        }
        LOG.warning(() -> "dropped a message that names no job change: " + message);
        return null;
    }
}
