package dev.switchboard.deliveries.control;

import java.util.Objects;

/** A webhook request as received: its headers and the exact raw bytes of its body (what signatures cover). */
public record WebhookRequest(WebhookHeaders headers, byte[] body) {
    public WebhookRequest {
        Objects.requireNonNull(headers);
        Objects.requireNonNull(body);
    }
}
