package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.metrics.control.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What this node has seen of each platform's circuit: open from the first call it refused until a call
 * gets through again. MicroProfile Fault Tolerance keeps the breaker's state to itself (its metrics give
 * time spent per state, not the state), so health and the console read it here.
 */
@ApplicationScoped
public class CircuitStates {

    private final Map<Platform, Instant> openSince = new ConcurrentHashMap<>();

    @Inject
    Metrics metrics;

    /** Registers, at deployment, a gauge per platform: 1 while its circuit is open. */
    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        for (Platform platform : Platform.values()) {
            metrics.gauge("switchboard_platform_circuit_open", () -> openSince(platform).isPresent() ? 1 : 0,
                    "platform", platform.id());
        }
    }

    public void refused(Platform platform, Instant now) {
        openSince.putIfAbsent(platform, now);
    }

    public void passed(Platform platform) {
        openSince.remove(platform);
    }

    /** Since when the circuit refuses calls, if it does. */
    public Optional<Instant> openSince(Platform platform) {
        return Optional.ofNullable(openSince.get(platform));
    }

    /** How long an open circuit refuses calls: the breaker's configured {@code delay}. */
    public Duration openDelay(Platform platform) {
        String name = PlatformCircuits.class.getName() + "/" + platform.id() + "/CircuitBreaker/delay";
        return Duration.ofMillis(ConfigProvider.getConfig().getOptionalValue(name, Long.class)
                .orElse(PlatformCircuits.DELAY_MS));
    }
}
