package dev.switchboard.slack.control;

import dev.switchboard.ratelimits.control.Failure;
import dev.switchboard.ratelimits.control.RateLimitVerdict;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code ratelimited} or HTTP 429. Slack limits each method per workspace by tier, so the wait holds for this
 * method with this bot token.
 */
public class SlackRateLimitedException extends SlackApiException {

    private final RateLimitVerdict.Wait wait;

    public SlackRateLimitedException(String method, int status, RateLimitVerdict.Wait wait) {
        super(method, "ratelimited", status);
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    /** Slack's {@code Retry-After}, or one tier window when it was missing. */
    public Duration retryAfter() {
        return wait.duration();
    }

    public RateLimitVerdict.Wait verdict() {
        return wait;
    }

    @Override
    public Failure failure() {
        return new Failure.SlackError(error(), wait);
    }
}
