package dev.switchboard.ratelimits.control;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Whether a wait may be slept where the call is made or the work must be rescheduled. Sleeping holds a
 * request thread, a transaction (and its timeout) and an MDB instance; past the bound the caller gives the
 * work back (JMS delivery delay) with the wait as the reason.
 *
 * @param maxInlineWait the longest wait slept inline; a wait of exactly this length is still slept
 */
public record LongWaitPolicy(Duration maxInlineWait) {

    public static final String MAX_INLINE_WAIT = "ratelimit.max.inline.wait.ms";
    public static final Duration DEFAULT_MAX_INLINE_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(LongWaitPolicy.class.getName());

    public enum Decision {
        SLEEP_INLINE, RESCHEDULE
    }

    public LongWaitPolicy {
        Backoff.requireNonNegative(maxInlineWait, "maxInlineWait");
    }

    /** {@value #MAX_INLINE_WAIT} from the given config values; a missing or invalid one is the default. */
    public static LongWaitPolicy fromConfig(Map<String, String> config) {
        String configured = config.get(MAX_INLINE_WAIT);
        if (configured == null || configured.isBlank()) {
            return new LongWaitPolicy(DEFAULT_MAX_INLINE_WAIT);
        }
        try {
            long millis = Long.parseLong(configured.trim());
            if (millis >= 0) {
                return new LongWaitPolicy(Duration.ofMillis(millis));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning(() -> MAX_INLINE_WAIT + "=" + configured + " is not a non-negative number of milliseconds; using "
                + DEFAULT_MAX_INLINE_WAIT.toMillis());
        return new LongWaitPolicy(DEFAULT_MAX_INLINE_WAIT);
    }

    public Decision decide(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        return wait.compareTo(maxInlineWait) > 0 ? Decision.RESCHEDULE : Decision.SLEEP_INLINE;
    }
}
