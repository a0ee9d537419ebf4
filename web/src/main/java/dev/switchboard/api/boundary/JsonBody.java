package dev.switchboard.api.boundary;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import java.io.StringReader;

/** Reads a request's JSON object body; anything else is a 400 with the contract's error shape. */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonObject object(String body) {
        try {
            JsonValue value = Jsons.createReader(new StringReader(body == null ? "" : body)).readValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                return value.asJsonObject();
            }
        } catch (JsonException e) {
            // answered below like any other body that is not an object
        }
        throw new BadRequestException("the body must be a JSON object");
    }

    /** An optional string field: absent and null are null, any other type is a 400. */
    public static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new BadRequestException(name + " must be a string");
    }

    /** An optional boolean field: absent and null are false, any other type is a 400. */
    public static boolean bool(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw new BadRequestException(name + " must be true or false");
    }
}
