package dev.switchboard.bench.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in microseconds, one slot per request, read once the run is over. */
final class LatencyRecorder {

    private final AtomicLongArray micros;
    private final AtomicInteger recorded = new AtomicInteger();

    LatencyRecorder(long capacity) {
        micros = new AtomicLongArray(Math.toIntExact(capacity));
    }

    void record(int slot, long latencyMicros) {
        micros.set(slot, latencyMicros);
        recorded.incrementAndGet();
    }

    /** The p-th percentile (0..100) of the recorded latencies, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }

    long[] sorted() {
        long[] copy = new long[recorded.get()];
        int n = 0;
        for (int i = 0; i < micros.length() && n < copy.length; i++) {
            long v = micros.get(i);
            if (v > 0) {
                copy[n++] = v;
            }
        }
        long[] result = Arrays.copyOf(copy, n);
        Arrays.sort(result);
        return result;
    }
}
