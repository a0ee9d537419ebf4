package dev.switchboard.slack.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Slack's cursor pagination: {@code response_metadata.next_cursor} names the next page, and an empty
 * string (or no {@code response_metadata} at all) means this was the last one.
 */
public final class SlackCursor {

    private SlackCursor() {
    }

    public static Optional<String> next(JsonObject body) {
        JsonValue metadata = body.get("response_metadata");
        if (metadata == null || metadata.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        JsonValue cursor = metadata.asJsonObject().get("next_cursor");
        if (cursor == null || cursor.getValueType() != JsonValue.ValueType.STRING) {
            return Optional.empty();
        }
        String text = ((jakarta.json.JsonString) cursor).getString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
