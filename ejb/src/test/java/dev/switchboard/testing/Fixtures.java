package dev.switchboard.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads event payloads from src/test/resources/fixtures/events and derives variants with JSON Pointer. */
public final class Fixtures {

    private Fixtures() {
    }

    /** @param name e.g. {@code "github/issue_comment.created.json"} */
    public static String event(String name) {
        String resource = "/fixtures/events/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload with the value at {@code pointer} (e.g. {@code "/comment/body"}) set to a string. */
    public static String with(String payload, String pointer, String value) {
        return with(payload, pointer, Json.createValue(value));
    }

    public static String with(String payload, String pointer, JsonValue value) {
        return Json.createPointer(pointer).add(read(payload), value).toString();
    }

    public static String without(String payload, String pointer) {
        return Json.createPointer(pointer).remove(read(payload)).toString();
    }

    public static JsonObject read(String payload) {
        return Json.createReader(new StringReader(payload)).readObject();
    }
}
