package dev.switchboard.events.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * Reads fields of a payload by dotted path ({@code "comment.author.accountId"}). Required reads throw
 * {@link MalformedEventException} naming the path; optional reads treat JSON {@code null} as absent, since
 * platforms send explicit nulls for empty bodies and unset fields.
 */
public final class EventJson {

    private EventJson() {
    }

    public static JsonObject parse(String payload) throws MalformedEventException {
        if (payload == null || payload.isBlank()) {
            throw new MalformedEventException("payload is empty");
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(payload))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedEventException("payload is not a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new MalformedEventException("payload is not valid JSON: " + e.getMessage(), e);
        }
    }

    public static String string(JsonObject root, String path) throws MalformedEventException {
        return optionalString(root, path).orElseThrow(() -> missing(path));
    }

    public static Optional<String> optionalString(JsonObject root, String path) throws MalformedEventException {
        Optional<JsonValue> value = find(root, path);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        throw wrongType(path, "a string");
    }

    /** A string that may be null or absent, read as empty text (issue and review bodies). */
    public static String text(JsonObject root, String path) throws MalformedEventException {
        return optionalString(root, path).orElse("");
    }

    public static long number(JsonObject root, String path) throws MalformedEventException {
        return optionalNumber(root, path).orElseThrow(() -> missing(path));
    }

    public static Optional<Long> optionalNumber(JsonObject root, String path) throws MalformedEventException {
        Optional<JsonValue> value = find(root, path);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonNumber number && number.isIntegral()) {
            return Optional.of(number.longValueExact());
        }
        throw wrongType(path, "an integer");
    }

    public static boolean flag(JsonObject root, String path) throws MalformedEventException {
        Optional<JsonValue> value = find(root, path);
        if (value.isEmpty()) {
            return false;
        }
        if (value.get() == JsonValue.TRUE || value.get() == JsonValue.FALSE) {
            return value.get() == JsonValue.TRUE;
        }
        throw wrongType(path, "a boolean");
    }

    public static JsonObject object(JsonObject root, String path) throws MalformedEventException {
        return optionalObject(root, path).orElseThrow(() -> missing(path));
    }

    public static Optional<JsonObject> optionalObject(JsonObject root, String path) throws MalformedEventException {
        return optionalOf(root, path, JsonObject.class, "an object");
    }

    public static JsonArray array(JsonObject root, String path) throws MalformedEventException {
        return optionalArray(root, path).orElseThrow(() -> missing(path));
    }

    public static Optional<JsonArray> optionalArray(JsonObject root, String path) throws MalformedEventException {
        return optionalOf(root, path, JsonArray.class, "an array");
    }

    private static <T extends JsonValue> Optional<T> optionalOf(JsonObject root, String path, Class<T> type,
                                                                String what) throws MalformedEventException {
        Optional<JsonValue> value = find(root, path);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (type.isInstance(value.get())) {
            return Optional.of(type.cast(value.get()));
        }
        throw wrongType(path, what);
    }

    public static boolean has(JsonObject root, String path) throws MalformedEventException {
        return find(root, path).isPresent();
    }

    private static Optional<JsonValue> find(JsonObject root, String path) throws MalformedEventException {
        JsonValue current = root;
        String walked = "";
        for (String name : path.split("\\.")) {
            if (!(current instanceof JsonObject object)) {
                throw wrongType(walked, "an object");
            }
            current = object.get(name);
            if (current == null || current == JsonValue.NULL) {
                return Optional.empty();
            }
            walked = walked.isEmpty() ? name : walked + "." + name;
        }
        return Optional.of(current);
    }

    private static MalformedEventException missing(String path) {
        return new MalformedEventException("required field '" + path + "' is missing");
    }

    private static MalformedEventException wrongType(String path, String expected) {
        return new MalformedEventException("field '" + path + "' is not " + expected);
    }
}
