package dev.switchboard.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON-P entry points of {@code jakarta.json.Json}, on a provider and factories looked up once. Every
 * {@code Json.create…} call looks the provider up again (a service-loader scan through the deployment's class
 * loaders): about a fifth of the server's CPU samples under intake load before this class (BENCHMARKS.md).
 * Factories are thread-safe by the JSON-P contract.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());

    private Jsons() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return BUILDERS.createObjectBuilder(object);
    }

    public static JsonObjectBuilder createObjectBuilder(Map<String, ?> values) {
        return PROVIDER.createObjectBuilder(values);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(JsonArray array) {
        return BUILDERS.createArrayBuilder(array);
    }

    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
        return BUILDERS.createArrayBuilder(values);
    }

    public static JsonReader createReader(Reader reader) {
        return READERS.createReader(reader);
    }

    public static JsonReader createReader(InputStream in) {
        return READERS.createReader(in);
    }

    public static JsonParser createParser(Reader reader) {
        return PARSERS.createParser(reader);
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }
}
