package dev.switchboard.admin.boundary;

import dev.switchboard.deliveries.control.QueueDepth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while more deliveries wait in status QUEUED than {@code health.queue.max.depth} (count in the
 * database): a load balancer then sends intake to an instance that keeps up. Read on each call, so the bound
 * can be changed with {@code asadmin set-config-property} without a redeploy.
 */
@Readiness
@ApplicationScoped
public class QueueDepthReadiness implements HealthCheck {

    static final String MAX_DEPTH = "health.queue.max.depth";
    static final long DEFAULT_MAX_DEPTH = 1000;

    @Inject
    QueueDepth depth;

    @Inject
    Config config;

    @Override
    public HealthCheckResponse call() {
        long bound = config.getOptionalValue(MAX_DEPTH, Long.class).orElse(DEFAULT_MAX_DEPTH);
        try {
            long queued = depth.queued();
            return HealthCheckResponse.named("queue-depth").status(queued <= bound)
                    .withData("queued", queued).withData("max", bound)
                    .withData("oldestQueuedSeconds", depth.oldestAge(Instant.now()).toSeconds()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("queue-depth").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
