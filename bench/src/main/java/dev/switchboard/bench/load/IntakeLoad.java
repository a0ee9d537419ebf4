package dev.switchboard.bench.load;

import dev.switchboard.deliveries.control.HmacSha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load generator for the GitHub intake: signed {@code issue_comment} deliveries (a real payload
 * without the agent's mention, each with its own delivery id) sent at a fixed arrival rate, whatever the server does. Latency is measured
 * from the intended send time, not the actual one, so a server that falls behind shows its queueing instead
 * of slowing the generator down (coordinated omission). Prints one JSON line with the figures.
 */
public final class IntakeLoad {

    private IntakeLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        byte[] body = payload();
        String signature = "sha256=" + HmacSha256.signHex(options.secret(), body);
        URI target = options.url().resolve("/api/webhooks/github");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);

        long total = options.total();
        LatencyRecorder latencies = new LatencyRecorder(total);
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(options.maxInFlight());
        AtomicLong dropped = new AtomicLong();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / options.rate();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        for (int i = 0; i < total; i++) {
            long intended = start + i * periodNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                // the generator's own limit: counted, never hidden
                dropped.incrementAndGet();
                continue;
            }
            int slot = i;
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-GitHub-Event", "issue_comment")
                    .header("X-GitHub-Delivery", "bench-" + run + "-" + i).header("X-Hub-Signature-256", signature)
                    .header("User-Agent", "GitHub-Hookshot/bench")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long latency = (System.nanoTime() - intended) / 1000;
                latencies.record(slot, Math.max(1, latency));
                String outcome = error != null ? "error:" + error.getClass().getSimpleName()
                        : String.valueOf(response.statusCode());
                outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                inFlight.release();
            });
        }
        long sendEnded = System.nanoTime();
        inFlight.acquire(options.maxInFlight());
        long ended = System.nanoTime();

        long[] sorted = latencies.sorted();
        long accepted = outcomes.getOrDefault("202", new AtomicLong()).get();
        double seconds = (ended - start) / 1e9;
        Map<String, Long> byOutcome = new TreeMap<>();
        outcomes.forEach((k, v) -> byOutcome.put(k, v.get()));
        System.out.printf(java.util.Locale.ROOT,
                "{\"label\":\"%s\",\"run\":\"%s\",\"targetRate\":%d,\"durationS\":%.1f,\"sent\":%d,\"droppedByGenerator\":%d,"
                        + "\"accepted202\":%d,\"acceptedPerS\":%.1f,\"outcomes\":%s,\"latencyMs\":{\"p50\":%.2f,\"p90\":%.2f,"
                        + "\"p99\":%.2f,\"p999\":%.2f,\"max\":%.2f},\"sendPhaseS\":%.1f}%n",
                options.label(), run, options.rate(), seconds, sorted.length, dropped.get(), accepted, accepted / seconds,
                json(byOutcome), LatencyRecorder.percentile(sorted, 50), LatencyRecorder.percentile(sorted, 90),
                LatencyRecorder.percentile(sorted, 99), LatencyRecorder.percentile(sorted, 99.9),
                LatencyRecorder.percentile(sorted, 100), (sendEnded - start) / 1e9);
        System.exit(0);
    }

    private static String json(Map<String, Long> map) {
        StringBuilder out = new StringBuilder("{");
        map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return out.append('}').toString();
    }

    private static byte[] payload() {
        try (InputStream in = IntakeLoad.class.getResourceAsStream("/fixtures/events/github/issue_comment.created.json")) {
            if (in == null) {
                throw new IllegalStateException("the issue_comment fixture is missing from the benchmarks jar");
            }
            // no mention: processing decides IGNORED without calling GitHub, so the run measures Switchboard only
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@openhands", "the team")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
