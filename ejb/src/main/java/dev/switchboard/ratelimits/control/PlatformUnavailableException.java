package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.ejb.ApplicationException;
import java.time.Duration;

/**
 * The platform's circuit is open after repeated server errors: the call was not made. Like a long rate
 * limit it means "come back later", so it is one: a request gets 503 with Retry-After, a delivery is
 * rescheduled.
 */
@ApplicationException(rollback = true)
public class PlatformUnavailableException extends RateLimitedException {

    public PlatformUnavailableException(Platform platform, Duration waitFor) {
        super(platform, waitFor, platform.id() + " is failing; calls paused for " + waitFor.toSeconds()
                + " s (circuit open)");
    }
}
