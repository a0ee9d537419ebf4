package dev.switchboard.gitlab.control;

import static dev.switchboard.deliveries.control.WebhookBodies.id;
import static dev.switchboard.deliveries.control.WebhookBodies.string;

import dev.switchboard.deliveries.control.HmacSha256;
import dev.switchboard.deliveries.control.InboundWebhook;
import dev.switchboard.deliveries.control.MalformedWebhookException;
import dev.switchboard.deliveries.control.Reception;
import dev.switchboard.deliveries.control.WebhookBodies;
import dev.switchboard.deliveries.control.WebhookRequest;
import dev.switchboard.deliveries.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.Instant;

/** GitLab project, group and system hooks. */
@ApplicationScoped
public class GitLabWebhook implements InboundWebhook {

    private static final String NAME = "gitlab";

    public GitLabWebhook() {
    }

    @Override
    public Platform platform() {
        return Platform.GITLAB;
    }

    /** GitLab signs nothing: it echoes the hook's secret token, so authenticity is token equality. */
    @Override
    public boolean isAuthentic(WebhookRequest request, String secret, Instant now) {
        return request.headers().first("X-Gitlab-Token")
                .map(token -> HmacSha256.equalsConstantTime(secret, token))
                .orElse(false);
    }

    @Override
    public Reception read(WebhookRequest request) throws MalformedWebhookException {
        String json = WebhookBodies.text(NAME, request.body());
        JsonObject payload = WebhookBodies.object(NAME, json);
        // Idempotency-Key is stable across GitLab's retries; X-Gitlab-Event-UUID is the older header.
        // Neither is sent by old self-managed versions, so the body hash is the last resort.
        String deliveryId = request.headers().first("Idempotency-Key")
                .or(() -> request.headers().first("X-Gitlab-Event-UUID"))
                .orElseGet(() -> "sha256:" + HmacSha256.sha256Hex(request.body()));
        String event = string(payload, "object_kind");
        if (event == null) {
            event = request.headers().first("X-Gitlab-Event")
                    .orElseThrow(() -> new MalformedWebhookException("gitlab payload has no object_kind"));
        }
        return new Reception.Delivery(deliveryId, event, string(payload, "object_attributes", "action"),
                id(payload, "project", "id"), json);
    }
}
