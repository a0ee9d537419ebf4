package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.DeliveryStatus;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.metrics.control.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/** The figures operators watch: deliveries by platform and outcome, and how long intake takes. */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    Metrics metrics;

    void received(Platform platform, Acknowledgement ack, long nanos) {
        String outcome = ack instanceof Acknowledgement.Queued ? "queued"
                : ack instanceof Acknowledgement.Duplicate ? "duplicate"
                : ack instanceof Acknowledgement.Answered ? "answered" : "challenge";
        intake(platform, outcome);
        metrics.time("switchboard_intake_duration", Duration.ofNanos(nanos), "platform", platform.id());
    }

    void rejected(Platform platform, WebhookRejection.Reason reason) {
        intake(platform, "rejected_" + reason.name().toLowerCase(Locale.ROOT));
    }

    void processed(Platform platform, DeliveryStatus status) {
        metrics.count("switchboard_deliveries_processed_total", "platform", platform.id(), "status", status.name());
    }

    private void intake(Platform platform, String outcome) {
        metrics.count("switchboard_deliveries_received_total", "platform", platform.id(), "outcome", outcome);
    }
}
