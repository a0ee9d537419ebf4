package dev.switchboard.deliveries.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.NoSuchElementException;

/** Reading webhook bodies (JSON, or a form with a JSON field) and picking optional fields out of them. */
public final class WebhookBodies {

    private WebhookBodies() {
    }

    /** The body as text: non-empty and valid UTF-8 (every platform here sends UTF-8). */
    public static String text(String platform, byte[] body) throws MalformedWebhookException {
        if (body.length == 0) {
            throw new MalformedWebhookException(platform + " body is empty");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedWebhookException(platform + " body is not UTF-8", e);
        }
    }

    /** Exactly one JSON object within {@link JsonLimits}: arrays, scalars and trailing content are refused. */
    public static JsonObject object(String platform, String json) throws MalformedWebhookException {
        JsonLimits.check(platform, json);
        String problem = platform + " payload is not a JSON object";
        try (JsonParser parser = Jsons.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new MalformedWebhookException(problem);
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                throw new MalformedWebhookException(problem);
            }
            return object;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new MalformedWebhookException(problem, e);
        }
    }

    /**
     * Whether the body is a form rather than JSON: the Content-Type says so; without a usable one, a body
     * that does not start with '{' is taken for a form.
     */
    public static boolean isForm(WebhookRequest request, String text) {
        String type = request.headers().first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return true;
        }
        if (type.startsWith("application/json")) {
            return false;
        }
        return !text.stripLeading().startsWith("{");
    }

    /** The decoded value of a form field (the first, if repeated). */
    public static String formField(String platform, String form, String name) throws MalformedWebhookException {
        try {
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name) && eq >= 0) {
                    String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    if (!value.isEmpty()) {
                        return value;
                    }
                }
            }
        } catch (IllegalArgumentException e) { // a broken %-escape
            throw new MalformedWebhookException(platform + " form is not URL-encoded", e);
        }
        throw new MalformedWebhookException(platform + " form has no " + name + " field");
    }

    /** The JSON in the body, or in the form field holding it: what gets stored as the payload. */
    public static String jsonText(String platform, WebhookRequest request, String formField)
            throws MalformedWebhookException {
        String text = text(platform, request.body());
        return isForm(request, text) ? formField(platform, text, formField) : text;
    }

    /** The string at a path of object keys; null when absent, null or not a string. */
    public static String string(JsonObject object, String... path) {
        return value(object, path) instanceof JsonString s ? s.getString() : null;
    }

    /** An id at a path, written as a string whether the platform sends it as a number or a string; else null. */
    public static String id(JsonObject object, String... path) {
        JsonValue value = value(object, path);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.isIntegral() ? n.bigIntegerValue().toString() : n.toString();
        }
        return null;
    }

    /** The first element of an array at a path when it is an object; else null. */
    public static JsonObject firstObject(JsonObject object, String... path) {
        return value(object, path) instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject o
                ? o : null;
    }

    private static JsonValue value(JsonObject object, String... path) {
        JsonValue current = object;
        for (String key : path) {
            if (!(current instanceof JsonObject o)) {
                return null;
            }
            current = o.get(key);
        }
        return current;
    }
}
