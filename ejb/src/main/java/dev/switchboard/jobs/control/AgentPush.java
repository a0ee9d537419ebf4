package dev.switchboard.jobs.control;

import dev.switchboard.deliveries.control.HmacSha256;
import dev.switchboard.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * The agent server's push to {@code POST /api/agent/events}, signed {@code X-Signature-256: sha256=HEX(HMAC-SHA256(
 * AGENT_CALLBACK_SECRET, raw body))}. Its body:
 * <pre>{"conversation_id": "abc123", "agent_state": "finished", "message": "the agent's last message (optional)"}</pre>
 * {@code agent_state} takes OpenHands' names ({@code running}, {@code awaiting_user_input}, {@code finished},
 * {@code error}, {@code stopped}, {@code rate_limited}, ...). Alternatively the body may carry the
 * {@code agent_state_changed} observation itself as {@code event} (with {@code extras.agent_state}).
 */
public final class AgentPush {

    private static final String PREFIX = "sha256=";

    /** A readable push: whose conversation, and the report, empty for a state users do not hear about. */
    public record Parsed(String conversationId, Optional<AgentReport> report) {
    }

    /** The push is not what the endpoint takes (400). */
    public static class MalformedPushException extends Exception {
        public MalformedPushException(String message) {
            super(message);
        }
    }

    private AgentPush() {
    }

    public static boolean isAuthentic(String secret, Optional<String> signatureHeader, byte[] body) {
        return HmacSha256.verifyPrefixedHeader(signatureHeader, PREFIX, secret, body);
    }

    public static Parsed parse(byte[] body) throws MalformedPushException {
        JsonObject root;
        try {
            JsonValue value = Jsons.createReader(new ByteArrayInputStream(body)).readValue();
            if (!(value instanceof JsonObject object)) {
                throw new MalformedPushException("the body is not a JSON object");
            }
            root = object;
        } catch (JsonException e) {
            throw new MalformedPushException("the body is not JSON");
        }
        String conversationId = text(root, "conversation_id");
        if (conversationId == null || conversationId.isBlank()) {
            throw new MalformedPushException("conversation_id is missing");
        }
        String state = text(root, "agent_state");
        if (state == null && root.get("event") instanceof JsonObject event
                && event.get("extras") instanceof JsonObject extras) {
            state = text(extras, "agent_state");
        }
        if (state == null || state.isBlank()) {
            throw new MalformedPushException("agent_state is missing");
        }
        String message = text(root, "message");
        return new Parsed(conversationId, AgentState.fromWire(state).map(s -> new AgentReport(s, message)));
    }

    private static String text(JsonObject object, String name) throws MalformedPushException {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new MalformedPushException(name + " must be a string");
    }
}
