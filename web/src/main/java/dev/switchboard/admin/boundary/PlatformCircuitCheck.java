package dev.switchboard.admin.boundary;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.ratelimits.control.CircuitStates;
import dev.switchboard.ratelimits.control.PlatformGovernor;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * A platform's readiness check ({@code github-circuit}, ...): its circuit breaker's state and the rate
 * limits in force. Always UP: a failing platform degrades what Switchboard can do for that platform, but
 * intake and the other platforms go on, so the load balancer must keep sending traffic. One small bean
 * per platform, so each is a check of its own in {@code /health/ready}.
 */
abstract class PlatformCircuitCheck implements HealthCheck {

    @Inject
    CircuitStates circuits;

    @Inject
    PlatformGovernor governor;

    abstract Platform platform();

    @Override
    public HealthCheckResponse call() {
        Platform platform = platform();
        HealthCheckResponseBuilder check = HealthCheckResponse.named(platform.id() + "-circuit").up();
        circuits.openSince(platform).ifPresentOrElse(
                since -> check.withData("circuit", "open").withData("openSince", since.toString()),
                () -> check.withData("circuit", "closed"));
        long limits = governor.all(Instant.now()).stream().filter(limit -> limit.platform() == platform).count();
        return check.withData("rateLimitsInForce", limits).build();
    }
}
