package dev.switchboard.deliveries.control;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonParserFactory;
import java.util.Map;

/**
 * JSON-P factories for the webhook path, created once: each {@code Json.createReader}/{@code createObjectBuilder}
 * looks the provider up again (a service-loader scan), which intake would otherwise pay several times per
 * request. Thread-safe by the JSON-P contract.
 */
public final class JsonFactories {

    public static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    public static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    public static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private JsonFactories() {
    }
}
