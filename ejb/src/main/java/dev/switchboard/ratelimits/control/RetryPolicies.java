package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The retry policies in force: {@link RetryPolicy#defaults} with the numbers configured through MicroProfile
 * Config laid over them ({@code github.retry.max}, {@code github.retry.delay.ms},
 * {@code github.retry.max.delay.ms}, {@code github.retry.jitter}; {@code GITHUB_RETRY_MAX} in the environment).
 * Read on every call, so {@code asadmin set-config-property} applies without a redeploy. An invalid value is
 * logged and the default kept: a typo must not stop every call to a platform.
 */
@ApplicationScoped
public class RetryPolicies {

    private static final Logger LOG = Logger.getLogger(RetryPolicies.class.getName());

    public RetryPolicy policy(Platform platform) {
        return merge(RetryPolicy.defaults(platform), read(configNames(platform)));
    }

    public LongWaitPolicy longWaitPolicy() {
        return LongWaitPolicy.fromConfig(read(List.of(LongWaitPolicy.MAX_INLINE_WAIT)));
    }

    public static String maxRetriesName(Platform platform) {
        return platform.id() + ".retry.max";
    }

    public static String delayName(Platform platform) {
        return platform.id() + ".retry.delay.ms";
    }

    public static String maxDelayName(Platform platform) {
        return platform.id() + ".retry.max.delay.ms";
    }

    public static String jitterName(Platform platform) {
        return platform.id() + ".retry.jitter";
    }

    public static List<String> configNames(Platform platform) {
        return List.of(maxRetriesName(platform), delayName(platform), maxDelayName(platform), jitterName(platform));
    }

    /**
     * The policy with the overrides for its platform applied; names of other platforms are ignored.
     *
     * @param config config name to value, as MicroProfile Config would give it
     */
    public static RetryPolicy merge(RetryPolicy defaults, Map<String, String> config) {
        Objects.requireNonNull(config, "config");
        Platform platform = defaults.platform();
        int maxRetries = override(config, maxRetriesName(platform), defaults.maxRetries(),
                value -> nonNegative(Integer.parseInt(value)));
        Duration baseDelay = override(config, delayName(platform), defaults.baseDelay(),
                value -> Duration.ofMillis(nonNegative(Long.parseLong(value))));
        Duration maxDelay = override(config, maxDelayName(platform), defaults.maxDelay(),
                value -> Duration.ofMillis(nonNegative(Long.parseLong(value))));
        double jitter = override(config, jitterName(platform), defaults.jitter(), value -> {
            double fraction = Double.parseDouble(value);
            Backoff.requireFraction(fraction);
            return fraction;
        });
        return new RetryPolicy(platform, maxRetries, defaults.delayKind(), baseDelay, maxDelay, jitter,
                defaults.retriedOn());
    }

    private static <T> T override(Map<String, String> config, String name, T fallback, Function<String, T> parse) {
        String value = config.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> name + "=" + value + " is not valid (" + e.getMessage() + "); using " + fallback);
            return fallback;
        }
    }

    private static <N extends Number> N nonNegative(N number) {
        if (number.doubleValue() < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        return number;
    }

    private static Map<String, String> read(List<String> names) {
        Config config = ConfigProvider.getConfig();
        Map<String, String> values = new HashMap<>();
        for (String name : names) {
            config.getOptionalValue(name, String.class).ifPresent(value -> values.put(name, value));
        }
        return values;
    }
}
