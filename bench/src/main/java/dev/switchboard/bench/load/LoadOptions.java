package dev.switchboard.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a load run does: {@code --url} (the receiver, default http://127.0.0.1:8080/api/webhooks/github; several,
 * comma-separated, spread the connections over them as a load balancer would),
 * {@code --rate} (deliveries per second), {@code --duration} (seconds), {@code --connections} (the keep-alive
 * pool, default 64, Payara's HTTP thread pool), {@code --drain} (seconds after the last due time before unsent
 * requests are given up), {@code --secret} (the receiver's GitHub webhook secret), {@code --label}.
 */
record LoadOptions(List<URI> urls, int rate, Duration duration, int connections, int drainSeconds, String secret,
        String label) {

    static LoadOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        return new LoadOptions(Arrays.stream(given.getOrDefault("url", "http://127.0.0.1:8080/api/webhooks/github")
                .split(",")).map(String::trim).map(URI::create).toList(),
                Integer.parseInt(given.getOrDefault("rate", "500")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("duration", "30"))),
                Integer.parseInt(given.getOrDefault("connections", "64")),
                Integer.parseInt(given.getOrDefault("drain", "10")),
                given.getOrDefault("secret", "bench-github-secret"),
                given.getOrDefault("label", "github-intake"));
    }

    /** The receiver of the connection with this number: round robin over the URLs. */
    URI url(int connection) {
        return urls.get(connection % urls.size());
    }

    long total() {
        return (long) rate * duration.toSeconds();
    }
}
