package dev.switchboard.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends deliveries at a fixed rate the way a platform does: whatever got no answer, or a 5xx, is sent again (after
 * a pause) until Switchboard acknowledges it with 202 or 200 (duplicate) or the deadline passes.
 */
final class RedeliveringSender {

    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(8);
    private final Map<String, Integer> finalStatus = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final long deadline;

    RedeliveringSender(Duration patience) {
        this.deadline = System.nanoTime() + patience.toNanos();
    }

    /** Schedules every sample, {@code interval} apart. */
    void sendAll(List<Sample> samples, Duration interval) {
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            pool.schedule(() -> attempt(sample), i * interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void attempt(Sample sample) {
        attempts.incrementAndGet();
        int status;
        boolean fromSwitchboard;
        try {
            HttpResponse<String> response = sample.send();
            status = response.statusCode();
            fromSwitchboard = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        } catch (RuntimeException e) {
            unanswered.incrementAndGet(); // refused, reset or timed out: the platform tries again
            status = -1;
            fromSwitchboard = false;
        }
        // while the application is not deployed yet the server itself answers (an HTML 404): not an answer
        // Switchboard gave, so it counts as no answer, as it would behind a load balancer checking readiness
        if (fromSwitchboard && (status == 202 || status == 200 || (status >= 400 && status < 500))) {
            finalStatus.put(sample.deliveryId(), status);
        } else if (System.nanoTime() < deadline) {
            pool.schedule(() -> attempt(sample), 1, TimeUnit.SECONDS);
        } else {
            finalStatus.put(sample.deliveryId(), status);
        }
    }

    /** Waits until every sample has its final answer; returns delivery id → that answer's status. */
    Map<String, Integer> awaitAnswers(int expected) {
        while (finalStatus.size() < expected && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(10)) {
            Database.sleep(200);
        }
        pool.shutdownNow();
        return Map.copyOf(finalStatus);
    }

    int attempts() {
        return attempts.get();
    }

    int unanswered() {
        return unanswered.get();
    }
}
