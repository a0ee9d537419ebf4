package dev.switchboard.github.control;

import dev.switchboard.deliveries.control.HmacSha256;
import dev.switchboard.deliveries.control.InboundWebhook;
import dev.switchboard.deliveries.control.JsonLimits;
import dev.switchboard.deliveries.control.JsonLimits.Pick;
import dev.switchboard.deliveries.control.MalformedWebhookException;
import dev.switchboard.deliveries.control.Reception;
import dev.switchboard.deliveries.control.WebhookBodies;
import dev.switchboard.deliveries.control.WebhookRequest;
import dev.switchboard.deliveries.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** GitHub App and plain repository/organization webhooks. */
@ApplicationScoped
public class GitHubWebhook implements InboundWebhook {

    private static final String NAME = "github";
    private static final String SIGNATURE_PREFIX = "sha256=";
    private static final Pick ACTION = Pick.string("action");
    private static final Pick INSTALLATION = Pick.id("installation", "id");

    public GitHubWebhook() {
    }

    @Override
    public Platform platform() {
        return Platform.GITHUB;
    }

    /** Only X-Hub-Signature-256: the legacy SHA-1 X-Hub-Signature is deliberately not accepted. */
    @Override
    public boolean isAuthentic(WebhookRequest request, String secret, Instant now) {
        return HmacSha256.verifyPrefixedHeader(request.headers().first("X-Hub-Signature-256"), SIGNATURE_PREFIX, secret,
                request.body());
    }

    @Override
    public Reception read(WebhookRequest request) throws MalformedWebhookException {
        String deliveryId = request.headers().first("X-GitHub-Delivery")
                .orElseThrow(() -> new MalformedWebhookException("github delivery has no X-GitHub-Delivery header"));
        String event = request.headers().first("X-GitHub-Event")
                .orElseThrow(() -> new MalformedWebhookException("github delivery has no X-GitHub-Event header"));
        // A hook configured with content type "application/x-www-form-urlencoded" sends payload=<JSON>.
        String json = WebhookBodies.jsonText(NAME, request, "payload");
        // Intake needs two fields, so they are picked while the limits are checked: the payload, often tens of
        // kilobytes, is built into objects only when it is processed.
        // Only GitHub App deliveries carry an installation; repository and organization hooks have none.
        String[] picked = JsonLimits.check(NAME, json, ACTION, INSTALLATION);
        return new Reception.Delivery(deliveryId, event, picked[0], picked[1], json);
    }
}
