package dev.switchboard.jira.control;

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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

/** Jira Cloud (and Data Center) admin webhooks with a secret. */
@ApplicationScoped
public class JiraWebhook implements InboundWebhook {

    private static final String NAME = "jira";
    private static final String SIGNATURE_PREFIX = "sha256=";

    public JiraWebhook() {
    }

    @Override
    public Platform platform() {
        return Platform.JIRA;
    }

    /** Jira uses GitHub's scheme, but under the header name GitHub kept for SHA-1. */
    @Override
    public boolean isAuthentic(WebhookRequest request, String secret, Instant now) {
        return HmacSha256.verifyPrefixedHeader(request.headers().first("X-Hub-Signature"), SIGNATURE_PREFIX, secret,
                request.body());
    }

    @Override
    public Reception read(WebhookRequest request) throws MalformedWebhookException {
        String json = WebhookBodies.text(NAME, request.body());
        JsonObject payload = WebhookBodies.object(NAME, json);
        String event = string(payload, "webhookEvent");
        if (event == null) {
            throw new MalformedWebhookException("jira payload has no webhookEvent");
        }
        // X-Atlassian-Webhook-Identifier stays the same across Jira's retries of one delivery.
        String deliveryId = request.headers().first("X-Atlassian-Webhook-Identifier")
                .orElseGet(() -> "sha256:" + HmacSha256.sha256Hex(request.body()));
        return new Reception.Delivery(deliveryId, event, string(payload, "issue_event_type_name"),
                site(payload), json);
    }

    /** Jira payloads do not name their site; the REST links ("self") of the issue or comment do. */
    private static String site(JsonObject payload) {
        String self = string(payload, "issue", "self");
        if (self == null) {
            self = string(payload, "comment", "self");
        }
        if (self == null) {
            return null;
        }
        try {
            URI uri = new URI(self);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
