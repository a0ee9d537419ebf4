package dev.switchboard.api.boundary;

import jakarta.json.JsonObjectBuilder;

/** JSON-P builders skip nothing and reject null values: the API writes absent values as explicit nulls. */
public final class JsonFields {

    private JsonFields() {
    }

    /** Adds {@code value.toString()} (Instants become ISO-8601), or JSON null. */
    public static JsonObjectBuilder nullable(JsonObjectBuilder json, String name, Object value) {
        return value == null ? json.addNull(name) : json.add(name, value.toString());
    }
}
