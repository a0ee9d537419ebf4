package dev.switchboard.bench.load;

import dev.switchboard.deliveries.control.HmacSha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load generator for a GitHub webhook receiver: signed {@code issue_comment} deliveries (a real
 * payload without the agent's mention, each with its own delivery id) at a fixed arrival rate, whatever the
 * server does. Request i is due at {@code start + i / rate}; a pool of keep-alive connections takes them in
 * order, and latency is measured from the due time, so a server (or a pool) that falls behind shows its
 * queueing instead of slowing the generator down (coordinated omission). Requests still unsent {@code --drain}
 * seconds after the last one was due are counted as {@code notSent}, never hidden. Prints one JSON line.
 *
 * <p>Plain sockets rather than the JDK HttpClient: the client's own executor and per-request objects capped it
 * near 600 requests/s on 2 cores, below what the servers under test can take.
 */
public final class IntakeLoad {

    private IntakeLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        byte[] body = payload();
        String signature = "sha256=" + HmacSha256.signHex(options.secret(), body);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String deliveryPrefix = "bench-" + run + "-";

        long total = options.total();
        LatencyRecorder latencies = new LatencyRecorder(total);
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        AtomicLong notSent = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / options.rate();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        long giveUp = start + options.duration().toNanos() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
        CountDownLatch done = new CountDownLatch(options.connections());

        for (int c = 0; c < options.connections(); c++) {
            URI url = options.url(c);
            Thread worker = new Thread(() -> {
                HttpConnection connection = new HttpConnection(url);
                try {
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + i * periodNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        if (System.nanoTime() > giveUp) {
                            notSent.incrementAndGet();
                            continue;
                        }
                        String outcome;
                        try {
                            outcome = String.valueOf(connection.post(body, "X-GitHub-Event: issue_comment\r\n"
                                    + "X-GitHub-Delivery: " + deliveryPrefix + i + "\r\n"
                                    + "X-Hub-Signature-256: " + signature + "\r\n"
                                    + "User-Agent: GitHub-Hookshot/bench\r\n"));
                        } catch (IOException e) {
                            connection.close();
                            outcome = "error:" + e.getClass().getSimpleName();
                        }
                        long now = System.nanoTime();
                        latencies.record((int) i, Math.max(1, (now - due) / 1000));
                        lastCompletion.accumulateAndGet(now, Math::max);
                        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                    }
                } finally {
                    connection.close();
                    done.countDown();
                }
            }, "load-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();

        long[] sorted = latencies.sorted();
        long ok = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .mapToLong(e -> e.getValue().get()).sum();
        long accepted = outcomes.getOrDefault("202", new AtomicLong()).get();
        long errors = sorted.length - ok;
        double seconds = (Math.max(lastCompletion.get(), start + 1) - start) / 1e9;
        Map<String, Long> byOutcome = new TreeMap<>();
        outcomes.forEach((k, v) -> byOutcome.put(k, v.get()));
        System.out.printf(Locale.ROOT,
                "{\"label\":\"%s\",\"run\":\"%s\",\"deliveryPrefix\":\"%s\",\"url\":\"%s\",\"targetRate\":%d,"
                        + "\"connections\":%d,\"bodyBytes\":%d,\"durationS\":%.2f,\"due\":%d,\"completed\":%d,\"notSent\":%d,"
                        + "\"ok2xx\":%d,\"okPerS\":%.1f,\"accepted202\":%d,\"errors\":%d,\"outcomes\":%s,"
                        + "\"latencyMs\":{\"p50\":%.2f,\"p90\":%.2f,\"p99\":%.2f,\"p999\":%.2f,\"max\":%.2f}}%n",
                options.label(), run, deliveryPrefix, options.urls().stream().map(URI::toString)
                        .collect(java.util.stream.Collectors.joining(",")), options.rate(), options.connections(),
                body.length, seconds, total, sorted.length, notSent.get(), ok, ok / seconds, accepted, errors,
                json(byOutcome), LatencyRecorder.percentile(sorted, 50), LatencyRecorder.percentile(sorted, 90),
                LatencyRecorder.percentile(sorted, 99), LatencyRecorder.percentile(sorted, 99.9),
                LatencyRecorder.percentile(sorted, 100));
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
