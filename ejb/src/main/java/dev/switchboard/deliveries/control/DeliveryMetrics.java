package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.DeliveryStatus;
import dev.switchboard.deliveries.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The figures operators watch: deliveries by platform and outcome, and how long intake takes. */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    MetricRegistry registry;

    void received(Platform platform, Acknowledgement ack, long nanos) {
        String outcome = ack instanceof Acknowledgement.Queued ? "queued"
                : ack instanceof Acknowledgement.Duplicate ? "duplicate"
                : ack instanceof Acknowledgement.Answered ? "answered" : "challenge";
        intake(platform, outcome);
        registry.timer("switchboard_intake_duration", platformTag(platform)).update(Duration.ofNanos(nanos));
    }

    void rejected(Platform platform, WebhookRejection.Reason reason) {
        intake(platform, "rejected_" + reason.name().toLowerCase(Locale.ROOT));
    }

    void processed(Platform platform, DeliveryStatus status) {
        registry.counter("switchboard_deliveries_processed_total", platformTag(platform),
                new Tag("status", status.name())).inc();
    }

    private void intake(Platform platform, String outcome) {
        registry.counter("switchboard_deliveries_received_total", platformTag(platform),
                new Tag("outcome", outcome)).inc();
    }

    private static Tag platformTag(Platform platform) {
        return new Tag("platform", platform.id());
    }
}
