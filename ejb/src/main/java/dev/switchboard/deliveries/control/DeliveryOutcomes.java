package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.DeliveryStatus;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.deliveries.entity.WebhookDelivery;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What became of each processing attempt, for operators: one log line per outcome (platform, ids, event,
 * status, attempts, latency since receipt; never the payload, headers or error text, which may quote what a
 * platform sent) and the processing figures: attempt duration, latency from receipt to a settled status,
 * retries and dead letters by platform. The log category {@code dev.switchboard.deliveries.outcome} can be
 * routed or silenced on its own.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    static final Logger LOG = Logger.getLogger("dev.switchboard.deliveries.outcome");

    @Inject
    MetricRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Retries and dead letters exist from deployment on, at 0 per platform: rates start from a known value. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        for (Platform platform : Platform.values()) {
            Tag tag = new Tag("platform", platform.id());
            registry.counter("switchboard_deliveries_dead_total", tag);
            registry.counter("switchboard_delivery_retries_total", tag);
        }
    }

    /** An attempt that ended PROCESSED or IGNORED, which took {@code attemptNanos}; counted once committed. */
    void settled(WebhookDelivery delivery, long attemptNanos) {
        Outcome outcome = Outcome.of(delivery);
        afterCommit(() -> {
            registry.timer("switchboard_processing_duration", outcome.platform()).update(Duration.ofNanos(attemptNanos));
            finished(outcome);
        });
    }

    /** A failed attempt: FAILED and to be retried, or DEAD; counted once committed. */
    void failed(WebhookDelivery delivery) {
        Outcome outcome = Outcome.of(delivery);
        afterCommit(() -> {
            if (outcome.status() == DeliveryStatus.DEAD) {
                registry.counter("switchboard_deliveries_dead_total", outcome.platform()).inc();
                finished(outcome);
            } else {
                registry.counter("switchboard_delivery_retries_total", outcome.platform()).inc();
                LOG.info(() -> outcome.line(Instant.now()));
            }
        });
    }

    private void finished(Outcome outcome) {
        Instant now = Instant.now();
        registry.timer("switchboard_delivery_latency", outcome.platform(), new Tag("status", outcome.status().name()))
                .update(outcome.latency(now));
        LOG.info(() -> outcome.line(now));
    }

    /** An attempt whose transaction rolls back changed nothing, so it is neither counted nor logged. */
    private void afterCommit(Runnable action) {
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        } catch (IllegalStateException noTransaction) {
            action.run();
        }
    }

    /** The delivery's facts as the attempt left them, read before the transaction ends. */
    record Outcome(String platformId, String id, String deliveryId, String event, DeliveryStatus status, int attempts,
                   Instant receivedAt) {

        static Outcome of(WebhookDelivery d) {
            return new Outcome(d.getPlatform().id(), d.getId(), d.getDeliveryId(),
                    d.getAction() == null ? d.getEvent() : d.getEvent() + "." + d.getAction(), d.getStatus(),
                    d.getAttempts(), d.getReceivedAt());
        }

        Tag platform() {
            return new Tag("platform", platformId);
        }

        Duration latency(Instant now) {
            Duration latency = Duration.between(receivedAt, now);
            return latency.isNegative() ? Duration.ZERO : latency;
        }

        String line(Instant now) {
            return "delivery outcome platform=" + platformId + " id=" + id + " delivery=" + deliveryId + " event=" + event
                    + " status=" + status + " attempts=" + attempts + " latency_ms=" + latency(now).toMillis();
        }
    }
}
