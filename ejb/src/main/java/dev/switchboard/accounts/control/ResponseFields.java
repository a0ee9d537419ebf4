package dev.switchboard.accounts.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fields of a provider's response, read the same whether it came as JSON or as GitHub's form encoding
 * (where every value is a string, numbers included). Faults name the field, never its value. JSON
 * {@code null} counts as absent: providers send {@code "name": null} and {@code "enterprise": null}.
 */
final class ResponseFields {

    private final OAuthProvider provider;
    private final int status;
    private final JsonObject fields;

    private ResponseFields(OAuthProvider provider, int status, JsonObject fields) {
        this.provider = provider;
        this.status = status;
        this.fields = fields;
    }

    static ResponseFields json(OAuthProvider provider, int status, String body) throws OAuthProviderException {
        JsonValue value = parse(provider, status, body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw OAuthProviderException.malformed(provider, status, "the response is not a JSON object");
        }
        return new ResponseFields(provider, status, value.asJsonObject());
    }

    static ResponseFields form(OAuthProvider provider, int status, String body) {
        JsonObjectBuilder builder = Jsons.createObjectBuilder();
        FormEncoding.decode(body).forEach(builder::add);
        return new ResponseFields(provider, status, builder.build());
    }

    static JsonArray jsonArray(OAuthProvider provider, String body) throws OAuthProviderException {
        JsonValue value = parse(provider, 200, body);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw OAuthProviderException.malformed(provider, 200, "the response is not a JSON array");
        }
        return value.asJsonArray();
    }

    static ResponseFields of(OAuthProvider provider, JsonObject object) {
        return new ResponseFields(provider, 200, object);
    }

    boolean has(String name) {
        return find(name).isPresent();
    }

    String string(String name) throws OAuthProviderException {
        return optionalString(name).filter(s -> !s.isBlank()).orElseThrow(() -> missing(name));
    }

    Optional<String> optionalString(String name) throws OAuthProviderException {
        Optional<JsonValue> value = find(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        throw wrongType(name, "a string");
    }

    /** An id that one provider sends as a number (GitHub, GitLab) and another as a string. */
    String id(String name) throws OAuthProviderException {
        JsonValue value = find(name).orElseThrow(() -> missing(name));
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.bigIntegerValueExact().toString();
        }
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            return text.getString();
        }
        throw wrongType(name, "an id");
    }

    /** A lifetime in seconds: a JSON number, or digits in a string (GitHub's form encoding). */
    Optional<Duration> optionalSeconds(String name) throws OAuthProviderException {
        Optional<JsonValue> value = find(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.get() instanceof JsonNumber number && number.isIntegral()) {
                return Optional.of(Duration.ofSeconds(number.longValueExact()));
            }
            if (value.get() instanceof JsonString text && text.getString().matches("[0-9]{1,18}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text.getString())));
            }
        } catch (ArithmeticException e) {
            // too large for a long: reported as the wrong type below
        }
        throw wrongType(name, "a number of seconds");
    }

    /**
     * A scope list. Providers disagree on the separator (GitHub and Slack commas, the others spaces), and
     * a scope never contains either, so both are split.
     */
    List<String> scopes(String name) throws OAuthProviderException {
        return optionalString(name)
                .map(s -> Arrays.stream(s.split("[,\\s]+")).filter(scope -> !scope.isEmpty()).toList())
                .orElse(List.of());
    }

    List<String> stringList(String name) throws OAuthProviderException {
        Optional<JsonValue> value = find(name);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof JsonArray array)) {
            throw wrongType(name, "an array");
        }
        if (!array.stream().allMatch(JsonString.class::isInstance)) {
            throw wrongType(name, "an array of strings");
        }
        return array.getValuesAs(JsonString::getString);
    }

    Optional<ResponseFields> optionalObject(String name) throws OAuthProviderException {
        Optional<JsonValue> value = find(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonObject object) {
            return Optional.of(new ResponseFields(provider, status, object));
        }
        throw wrongType(name, "an object");
    }

    ResponseFields object(String name) throws OAuthProviderException {
        return optionalObject(name).orElseThrow(() -> missing(name));
    }

    /** Slack's {@code ok}: required, and a boolean. */
    boolean flag(String name) throws OAuthProviderException {
        JsonValue value = find(name).orElseThrow(() -> missing(name));
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw wrongType(name, "a boolean");
    }

    private Optional<JsonValue> find(String name) {
        JsonValue value = fields.get(name);
        return value == null || value == JsonValue.NULL ? Optional.empty() : Optional.of(value);
    }

    private OAuthProviderException missing(String name) {
        return OAuthProviderException.malformed(provider, status, "the response has no " + name);
    }

    private OAuthProviderException wrongType(String name, String expected) {
        return OAuthProviderException.malformed(provider, status, name + " is not " + expected);
    }

    private static JsonValue parse(OAuthProvider provider, int status, String body) throws OAuthProviderException {
        if (body == null || body.isBlank()) {
            throw OAuthProviderException.malformed(provider, status, "the response body is empty");
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (JsonException e) {
            // The parser's message quotes the input near the fault, which may be a token: not kept.
            throw OAuthProviderException.malformed(provider, status, "the response is not valid JSON");
        }
    }
}
