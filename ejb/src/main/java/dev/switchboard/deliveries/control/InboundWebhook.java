package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.Platform;
import java.time.Instant;

/**
 * One platform's side of webhook intake: how its requests prove authenticity and how they are read.
 * Implementations are CDI beans in the platform's own package; intake finds them by {@link #platform()}.
 */
public interface InboundWebhook {

    Platform platform();

    /**
     * Whether the request was sent by the platform: checked over the exact raw bytes, in constant time.
     * Must return false (never throw) for missing, malformed or wrong signatures and stale timestamps.
     *
     * @param secret the configured secret; never null or blank (intake rejects before calling otherwise)
     * @param now    the current time, for platforms whose signatures carry a timestamp
     */
    boolean isAuthentic(WebhookRequest request, String secret, Instant now);

    /** Reads an authentic request; throws when its body is not what the platform sends. */
    Reception read(WebhookRequest request) throws MalformedWebhookException;
}
