package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.ejb.ApplicationException;
import java.time.Duration;

/**
 * The platform asked for a wait longer than may be slept inside a request or a transaction: the work
 * must be rescheduled (a delayed JMS message for a delivery) after {@link #waitFor()}.
 */
@ApplicationException(rollback = true)
public class RateLimitedException extends RuntimeException {

    private final transient Platform platform;
    private final Duration waitFor;

    public RateLimitedException(Platform platform, Duration waitFor) {
        this(platform, waitFor, platform.id() + " rate limit: try again in " + waitFor.toSeconds() + " s");
    }

    protected RateLimitedException(Platform platform, Duration waitFor, String message) {
        super(message, null, false, false);
        this.platform = platform;
        this.waitFor = waitFor;
    }

    public Platform platform() {
        return platform;
    }

    public Duration waitFor() {
        return waitFor;
    }
}
