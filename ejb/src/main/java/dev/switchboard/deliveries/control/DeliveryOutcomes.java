package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.DeliveryStatus;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.deliveries.entity.WebhookDelivery;
import dev.switchboard.metrics.control.Metrics;
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
    Metrics metrics;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Retries and dead letters exist from deployment on, at 0 per platform: rates start from a known value. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        for (Platform platform : Platform.values()) {
            metrics.declareCounter("switchboard_deliveries_dead_total", "platform", platform.id());
            metrics.declareCounter("switchboard_delivery_retries_total", "platform", platform.id());
        }
    }

    /** An attempt that ended PROCESSED or IGNORED, which took {@code attemptNanos}; counted once committed. */
    void settled(WebhookDelivery delivery, long attemptNanos) {
        Outcome outcome = Outcome.of(delivery);
        afterCommit(() -> {
            metrics.time("switchboard_processing_duration", Duration.ofNanos(attemptNanos), "platform", outcome.platformId());
            finished(outcome);
        });
    }

    /** A failed attempt: FAILED and to be retried, or DEAD; counted once committed. */
    void failed(WebhookDelivery delivery) {
        Outcome outcome = Outcome.of(delivery);
        afterCommit(() -> {
            if (outcome.status() == DeliveryStatus.DEAD) {
                metrics.count("switchboard_deliveries_dead_total", "platform", outcome.platformId());
                finished(outcome);
            } else {
                metrics.count("switchboard_delivery_retries_total", "platform", outcome.platformId());
                LOG.info(() -> outcome.line(Instant.now()));
            }
        });
    }

    private void finished(Outcome outcome) {
        Instant now = Instant.now();
        metrics.time("switchboard_delivery_latency", outcome.latency(now), "platform", outcome.platformId(),
                "status", outcome.status().name());
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
