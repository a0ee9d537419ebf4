package dev.switchboard.clients.control;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * How long a platform call may take: {@code <platform>.client.connect.timeout.ms} (default 5000) and
 * {@code <platform>.client.read.timeout.ms} (default 20000), e.g. GITHUB_CLIENT_READ_TIMEOUT_MS.
 */
public record ClientTimeouts(Duration connect, Duration read) {

    public static final long DEFAULT_CONNECT_MS = 5_000;
    public static final long DEFAULT_READ_MS = 20_000;

    public static ClientTimeouts of(ClientPlatform platform, Config config) {
        return of(platform, name -> config.getOptionalValue(name, String.class));
    }

    public static ClientTimeouts of(ClientPlatform platform, Map<String, String> settings) {
        return of(platform, name -> Optional.ofNullable(settings.get(name)));
    }

    private static ClientTimeouts of(ClientPlatform platform, Function<String, Optional<String>> settings) {
        String prefix = platform.configPrefix() + ".client.";
        return new ClientTimeouts(
                Duration.ofMillis(millis(settings, prefix + "connect.timeout.ms", DEFAULT_CONNECT_MS)),
                Duration.ofMillis(millis(settings, prefix + "read.timeout.ms", DEFAULT_READ_MS)));
    }

    private static long millis(Function<String, Optional<String>> settings, String name, long fallback) {
        Optional<String> text = settings.apply(name).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.get());
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be a positive number of milliseconds: " + text.get());
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number of milliseconds: " + text.get(), e);
        }
    }
}
