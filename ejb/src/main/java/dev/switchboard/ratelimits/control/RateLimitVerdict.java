package dev.switchboard.ratelimits.control;

import java.time.Duration;
import java.util.Objects;

/**
 * What a response says about rate limits: nothing to honour, or a wait before the next call. A verdict of
 * {@link None} does not mean the call succeeded, only that the platform stated no wait (a 429 without
 * headers is then retried on the policy's backoff).
 */
public sealed interface RateLimitVerdict {

    /** Whom the limit holds back. */
    enum Scope {
        /** Calls made with the same installation, user or bot token (GitHub, GitLab, Jira, Slack). */
        TOKEN,
        /** Every call Switchboard makes to the platform (Stripe's one secret key, a platform-wide 503). */
        GLOBAL
    }

    static RateLimitVerdict none() {
        return None.INSTANCE;
    }

    /** A wait, clamped to zero when the platform's reset time already lies in the past. */
    static RateLimitVerdict wait(Duration wait, Scope scope, String reason) {
        return new Wait(wait.isNegative() ? Duration.ZERO : wait, scope, reason);
    }

    default boolean isWait() {
        return this instanceof Wait;
    }

    record None() implements RateLimitVerdict {
        static final None INSTANCE = new None();
    }

    /** @param reason for people: which signal the wait came from (kept on the delivery that failed) */
    record Wait(Duration duration, Scope scope, String reason) implements RateLimitVerdict {
        public Wait {
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(reason, "reason");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a wait must not be negative, was " + duration);
            }
        }
    }
}
