package dev.switchboard.ratelimits.control;

import static dev.switchboard.ratelimits.control.RetryCondition.CONFLICT;
import static dev.switchboard.ratelimits.control.RetryCondition.CONNECTION_ERROR;
import static dev.switchboard.ratelimits.control.RetryCondition.CONNECT_TIMEOUT;
import static dev.switchboard.ratelimits.control.RetryCondition.RATE_LIMIT;
import static dev.switchboard.ratelimits.control.RetryCondition.SERVER_ERROR;
import static dev.switchboard.ratelimits.control.RetryCondition.SHOULD_RETRY_HEADER;
import static dev.switchboard.ratelimits.control.RetryCondition.TIMEOUT;
import static dev.switchboard.ratelimits.control.RetryCondition.TRANSIENT_ERROR;
import static dev.switchboard.ratelimits.control.RetryCondition.UNAUTHORIZED_AFTER_TOKEN_REFRESH;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.ratelimits.control.Failure.ConnectionError;
import dev.switchboard.ratelimits.control.Failure.HttpStatus;
import dev.switchboard.ratelimits.control.Failure.SlackError;
import dev.switchboard.ratelimits.control.Failure.Timeout;
import dev.switchboard.ratelimits.control.RateLimitVerdict.Wait;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How often and how long to wait before calling a platform again after a failure, and which failures are
 * worth it. The defaults are the seed's table (issue 4); the numbers can be overridden per platform through
 * MicroProfile Config, see {@link RetryPolicies}. Whatever is not in {@link #retriedOn()} is never retried,
 * in particular every 4xx not named there (a 404 or 422 will fail the same way again).
 *
 * @param maxRetries retries after the first call, 0 for none
 * @param jitter the fraction of a computed delay taken off at random; for a wait the platform stated, the
 *        fraction added to it (see {@link #honouredWait})
 */
public record RetryPolicy(Platform platform, int maxRetries, DelayKind delayKind, Duration baseDelay,
        Duration maxDelay, double jitter, Set<RetryCondition> retriedOn) {

    public RetryPolicy {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(delayKind, "delayKind");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        Backoff.requireNonNegative(baseDelay, "baseDelay");
        Backoff.requireNonNegative(maxDelay, "maxDelay");
        Backoff.requireFraction(jitter);
        retriedOn = Set.copyOf(retriedOn);
    }

    /**
     * The seed's table. Delays are ours (the seed gives kinds, not numbers): about a second to start with,
     * half a minute at most, a quarter of each delay jittered away (as Stripe's own libraries do). Stripe is
     * not in the seed: its defaults are those of Stripe's official libraries (2 retries, 0.5 s doubling to at
     * most 5 s; connection errors, 409, 429, 5xx, and whatever {@code Stripe-Should-Retry} says).
     */
    public static RetryPolicy defaults(Platform platform) {
        return switch (platform) {
            case GITHUB -> new RetryPolicy(platform, 3, DelayKind.EXPONENTIAL, Duration.ofSeconds(1),
                    Duration.ofSeconds(30), 0.25, EnumSet.of(CONNECTION_ERROR, TIMEOUT, SERVER_ERROR, RATE_LIMIT));
            // "connection timeouts": a read timeout on a POST may already have created the note
            case GITLAB -> new RetryPolicy(platform, 2, DelayKind.FIXED, Duration.ofSeconds(2),
                    Duration.ofSeconds(30), 0.25, EnumSet.of(CONNECT_TIMEOUT, UNAUTHORIZED_AFTER_TOKEN_REFRESH));
            case JIRA -> new RetryPolicy(platform, 3, DelayKind.LINEAR, Duration.ofSeconds(2),
                    Duration.ofSeconds(30), 0.25, EnumSet.of(CONNECTION_ERROR, TIMEOUT, RATE_LIMIT));
            case SLACK -> new RetryPolicy(platform, 2, DelayKind.EXPONENTIAL, Duration.ofSeconds(1),
                    Duration.ofSeconds(30), 0.25, EnumSet.of(RATE_LIMIT, TRANSIENT_ERROR, SERVER_ERROR));
            case STRIPE -> new RetryPolicy(platform, 2, DelayKind.EXPONENTIAL, Duration.ofMillis(500),
                    Duration.ofSeconds(5), 0.25, EnumSet.of(CONNECTION_ERROR, TIMEOUT, CONFLICT, RATE_LIMIT,
                            SERVER_ERROR, SHOULD_RETRY_HEADER));
        };
    }

    public Backoff backoff() {
        return new Backoff(delayKind, baseDelay, maxDelay, jitter);
    }

    /** Whether this kind of failure is worth another call at all (attempts aside). */
    public boolean retries(Failure failure) {
        Objects.requireNonNull(failure, "failure");
        if (failure instanceof ConnectionError) {
            return on(CONNECTION_ERROR);
        }
        if (failure instanceof Timeout timeout) {
            return on(TIMEOUT) || timeout.phase() == Timeout.Phase.CONNECT && on(CONNECT_TIMEOUT);
        }
        if (failure instanceof SlackError slack) {
            return slack.isRateLimited() && on(RATE_LIMIT) || slack.isTransient() && on(TRANSIENT_ERROR);
        }
        return retriesStatus((HttpStatus) failure);
    }

    private boolean retriesStatus(HttpStatus failure) {
        if (on(SHOULD_RETRY_HEADER)) {
            Optional<String> says = failure.header("Stripe-Should-Retry").map(v -> v.toLowerCase(Locale.ROOT));
            if (says.filter("true"::equals).isPresent()) {
                return true;
            }
            if (says.filter("false"::equals).isPresent()) {
                return false;
            }
        }
        int status = failure.status();
        if (status == 401) {
            return on(UNAUTHORIZED_AFTER_TOKEN_REFRESH) && failure.tokenRefreshed();
        }
        if (status == 409) {
            return on(CONFLICT);
        }
        if (status == 429) {
            return on(RATE_LIMIT);
        }
        if (status == 403) {
            // GitHub answers limits with 403 too; a 403 without a limit is a permission error
            return on(RATE_LIMIT) && failure.verdict().isWait();
        }
        return status >= 500 && status <= 599 && on(SERVER_ERROR);
    }

    /**
     * The delay before retry {@code attempt} (1 = the first retry), or empty when the failure is not retried
     * or the retries are used up. A wait the platform stated replaces the computed backoff.
     */
    public Optional<Duration> delayBeforeRetry(int attempt, Failure failure, RandomGenerator random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, was " + attempt);
        }
        Objects.requireNonNull(random, "random");
        if (attempt > maxRetries || !retries(failure)) {
            return Optional.empty();
        }
        if (failure.verdict() instanceof Wait wait) {
            return Optional.of(honouredWait(wait.duration(), random));
        }
        return Optional.of(backoff().delay(attempt, random));
    }

    /**
     * A stated wait plus jitter, never less than the wait (earlier would meet the limit again). The jitter
     * is up to {@code jitter} × the wait, but measured on at most {@code maxDelay}: callers released by the
     * same reset are spread out, and an hour's reset is not stretched by a quarter of an hour.
     */
    public Duration honouredWait(Duration wait, RandomGenerator random) {
        long spread = Math.min(wait.toMillis(), maxDelay.toMillis());
        return wait.plusMillis((long) Math.floor(spread * jitter * random.nextDouble()));
    }

    private boolean on(RetryCondition condition) {
        return retriedOn.contains(condition);
    }
}
