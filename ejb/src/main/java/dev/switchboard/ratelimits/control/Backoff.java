package dev.switchboard.ratelimits.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A sequence of delays between retries: exponential, fixed or linear from a base, each capped at a maximum,
 * then jittered. Jitter only ever shortens a delay: with fraction {@code f} a delay {@code d} becomes a value
 * in {@code (d·(1−f), d]}, so the cap stays a cap. {@code f = 1} is "full jitter" (anything up to {@code d}),
 * {@code f = 0} none. Millisecond precision: the platforms' limits are stated in seconds at best.
 *
 * @param jitter the fraction of each delay that may be taken off at random, 0 to 1
 */
public record Backoff(DelayKind kind, Duration base, Duration max, double jitter) {

    public Backoff {
        Objects.requireNonNull(kind, "kind");
        requireNonNegative(base, "base");
        requireNonNegative(max, "max");
        requireFraction(jitter);
    }

    public static Backoff of(DelayKind kind, Duration base, Duration max) {
        return new Backoff(kind, base, max, 0);
    }

    /** Full jitter: each delay drawn from (0, d]. */
    public Backoff withFullJitter() {
        return withJitter(1.0);
    }

    /** Proportional jitter: each delay drawn from (d·(1−fraction), d]. */
    public Backoff withJitter(double fraction) {
        return new Backoff(kind, base, max, fraction);
    }

    /** The capped delay before retry {@code attempt} (1 = the first retry), without jitter. */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, was " + attempt);
        }
        long baseMillis = base.toMillis();
        long capMillis = max.toMillis();
        long millis = switch (kind) {
            case FIXED -> baseMillis;
            case LINEAR -> multiplyOrCap(baseMillis, attempt, capMillis);
            case EXPONENTIAL -> attempt - 1 >= Long.SIZE - 1 || baseMillis > (Long.MAX_VALUE >> (attempt - 1))
                    ? capMillis
                    : baseMillis << (attempt - 1);
        };
        return Duration.ofMillis(Math.min(millis, capMillis));
    }

    /** The delay before retry {@code attempt}, capped and then jittered with {@code random}. */
    public Duration delay(int attempt, RandomGenerator random) {
        return shorten(delay(attempt), jitter, random);
    }

    /** The delays before retries 1 to {@code retries}, jittered (one draw per delay, in order). */
    public List<Duration> sequence(int retries, RandomGenerator random) {
        List<Duration> delays = new ArrayList<>(retries);
        for (int attempt = 1; attempt <= retries; attempt++) {
            delays.add(delay(attempt, random));
        }
        return List.copyOf(delays);
    }

    /** {@code d} minus a random part of at most {@code fraction·d}: a value in (d·(1−fraction), d]. */
    static Duration shorten(Duration delay, double fraction, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        long millis = delay.toMillis();
        if (fraction == 0 || millis == 0) {
            return Duration.ofMillis(millis);
        }
        long cut = (long) Math.floor(millis * fraction * random.nextDouble());
        return Duration.ofMillis(millis - cut);
    }

    private static long multiplyOrCap(long value, int factor, long cap) {
        try {
            return Math.multiplyExact(value, factor);
        } catch (ArithmeticException overflow) {
            return cap;
        }
    }

    static void requireNonNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }

    static void requireFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + fraction);
        }
    }
}
