package dev.switchboard.slack.control;

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
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Both Slack endpoints: the Events API (JSON bodies) and interactivity (a form whose {@code payload}
 * field holds the JSON). Both are signed the same way, so one bean serves both paths. Interactivity's
 * options load ({@code block_suggestion}, the repository selector's type-ahead) is the one request answered
 * with content instead of stored: Slack shows what it gets within 3 s.
 */
@ApplicationScoped
public class SlackWebhook implements InboundWebhook {

    private static final String NAME = "slack";
    private static final String SIGNATURE_PREFIX = "v0=";
    /** Slack's documented replay window. */
    private static final long MAX_SKEW_SECONDS = 300;

    private static final String BLOCK_SUGGESTION = "block_suggestion";

    @Inject
    SlackRepositorySelections selections;

    public SlackWebhook() {
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public boolean isAuthentic(WebhookRequest request, String secret, Instant now) {
        Optional<String> timestamp = request.headers().first("X-Slack-Request-Timestamp")
                .filter(ts -> ts.matches("\\d{1,18}"));
        Optional<String> signature = request.headers().first("X-Slack-Signature")
                .filter(header -> header.startsWith(SIGNATURE_PREFIX))
                .map(header -> header.substring(SIGNATURE_PREFIX.length()));
        if (timestamp.isEmpty() || signature.isEmpty()) {
            return false;
        }
        // The timestamp is signed too, so a captured request cannot be replayed outside the window.
        if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp.get())) > MAX_SKEW_SECONDS) {
            return false;
        }
        byte[] prefix = ("v0:" + timestamp.get() + ":").getBytes(StandardCharsets.UTF_8);
        return HmacSha256.verifyHex(secret, signature.get(), prefix, request.body());
    }

    @Override
    public Reception read(WebhookRequest request) throws MalformedWebhookException {
        String text = WebhookBodies.text(NAME, request.body());
        return WebhookBodies.isForm(request, text) ? interaction(request, text) : event(request, text);
    }

    private static Reception event(WebhookRequest request, String json) throws MalformedWebhookException {
        JsonObject payload = WebhookBodies.object(NAME, json);
        String type = string(payload, "type");
        if (type == null) {
            throw new MalformedWebhookException("slack event has no type");
        }
        switch (type) {
            case "url_verification": {
                String challenge = string(payload, "challenge");
                if (challenge == null) {
                    throw new MalformedWebhookException("slack url_verification has no challenge");
                }
                return new Reception.Challenge(challenge);
            }
            case "event_callback": {
                String eventId = string(payload, "event_id");
                String eventType = string(payload, "event", "type");
                if (eventId == null || eventType == null) {
                    throw new MalformedWebhookException("slack event_callback has no event_id or event.type");
                }
                // Messages carry their kind (bot_message, message_changed, ...) in the subtype.
                return new Reception.Delivery(eventId, eventType, string(payload, "event", "subtype"),
                        id(payload, "team_id"), json);
            }
            default: {
                // e.g. app_rate_limited: no inner event, and not always an event_id.
                String eventId = string(payload, "event_id");
                String deliveryId = eventId != null ? eventId : "sha256:" + HmacSha256.sha256Hex(request.body());
                return new Reception.Delivery(deliveryId, type, null, id(payload, "team_id"), json);
            }
        }
    }

    /** Slack's options load for the repository selector's type-ahead: answered now, not stored. */
    private Reception suggestions(JsonObject payload) throws MalformedWebhookException {
        String team = string(payload, "team", "id");
        String user = string(payload, "user", "id");
        if (team == null || user == null) {
            throw new MalformedWebhookException("slack block_suggestion has no team.id or user.id");
        }
        return new Reception.Answer(selections.suggest(team, user, string(payload, "block_id"),
                string(payload, "value")).toString());
    }

    private Reception interaction(WebhookRequest request, String form) throws MalformedWebhookException {
        String json = WebhookBodies.formField(NAME, form, "payload");
        JsonObject payload = WebhookBodies.object(NAME, json);
        String type = string(payload, "type");
        if (type == null) {
            throw new MalformedWebhookException("slack interaction has no type");
        }
        if (BLOCK_SUGGESTION.equals(type)) {
            return suggestions(payload);
        }
        // Interactions carry no id of their own; the contract dedupes them by the raw body's hash.
        String deliveryId = "sha256:" + HmacSha256.sha256Hex(request.body());
        JsonObject firstAction = WebhookBodies.firstObject(payload, "actions");
        String action = firstAction == null ? null : string(firstAction, "action_id");
        return new Reception.Delivery(deliveryId, type, action, id(payload, "team", "id"), json);
    }
}
