package dev.switchboard.jira.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Who Jira says the service account is ({@code GET /rest/api/2/myself}). Cloud identifies users by
 * {@code accountId} only (the user-privacy migration removed {@code key} and {@code name}); Data Center by
 * {@code key} and {@code name}. {@code emailAddress} may be withheld by the user's privacy settings.
 */
public record JiraMyself(String accountId, String key, String name, String displayName, String emailAddress) {

    /** Reads Jira's answer; {@link IllegalArgumentException} when it names nobody. */
    public static JiraMyself parse(JiraSiteKind kind, String body) {
        JsonObject json;
        try {
            JsonValue value = Jsons.createReader(new StringReader(body == null ? "" : body)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("Jira's /myself answer is not a JSON object");
            }
            json = value.asJsonObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("Jira's /myself answer is not JSON");
        }
        JiraMyself myself = new JiraMyself(text(json, "accountId"), text(json, "key"), text(json, "name"),
                text(json, "displayName"), text(json, "emailAddress"));
        boolean identified = kind == JiraSiteKind.CLOUD ? myself.accountId() != null
                : myself.key() != null || myself.name() != null;
        if (!identified) {
            throw new IllegalArgumentException("Jira's /myself answer has no "
                    + (kind == JiraSiteKind.CLOUD ? "accountId" : "key or name"));
        }
        return myself;
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonString string) || string.getString().isBlank()) {
            return null;
        }
        return string.getString();
    }
}
