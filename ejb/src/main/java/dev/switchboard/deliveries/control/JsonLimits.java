package dev.switchboard.deliveries.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a webhook payload may look like before anything builds it into objects: one JSON object, nested at most
 * {@value #MAX_DEPTH} deep (the platforms' payloads stay under 15), numbers of at most {@value #MAX_NUMBER_LENGTH}
 * characters with an exponent a double can hold (a million digits, or {@code 1e-2147483648}, costs a big-number
 * conversion its time or throws), and no key twice in one object (a signed body that two parsers read
 * differently). One streaming pass, no recursion, so a hostile depth cannot overflow the stack.
 */
public final class JsonLimits {

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 40;
    private static final int MAX_EXPONENT = 400;
    private static final Pattern EXPONENT = Pattern.compile("[eE]([+-]?\\d+)$");
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private JsonLimits() {
    }

    /** Passes a payload within the limits; else {@link MalformedWebhookException} saying which one it broke. */
    public static void check(String platform, String json) throws MalformedWebhookException {
        Deque<Set<String>> keys = new ArrayDeque<>();
        int depth = 0;
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new MalformedWebhookException(platform + " payload is not a JSON object");
            }
            keys.push(new HashSet<>());
            depth = 1;
            while (depth > 0) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT:
                    case START_ARRAY:
                        if (++depth > MAX_DEPTH) {
                            throw new MalformedWebhookException(platform + " payload is nested deeper than "
                                    + MAX_DEPTH + " levels");
                        }
                        keys.push(event == JsonParser.Event.START_OBJECT ? new HashSet<>() : Set.of());
                        break;
                    case END_OBJECT:
                    case END_ARRAY:
                        depth--;
                        keys.pop();
                        break;
                    case KEY_NAME:
                        if (!keys.peek().add(parser.getString())) {
                            throw new MalformedWebhookException(platform + " payload has a key twice in one object");
                        }
                        break;
                    case VALUE_NUMBER:
                        number(platform, parser.getString());
                        break;
                    default:
                        break;
                }
            }
            if (parser.hasNext()) {
                throw new MalformedWebhookException(platform + " payload is not a JSON object");
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new MalformedWebhookException(platform + " payload is not a JSON object", e);
        }
    }

    private static void number(String platform, String text) throws MalformedWebhookException {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new MalformedWebhookException(platform + " payload has a number longer than " + MAX_NUMBER_LENGTH
                    + " characters");
        }
        Matcher exponent = EXPONENT.matcher(text);
        if (exponent.find()) {
            String digits = exponent.group(1).replaceFirst("^[+-]", "");
            if (digits.length() > 3 || Integer.parseInt(digits) > MAX_EXPONENT) {
                throw new MalformedWebhookException(platform + " payload has a number out of range");
            }
        }
    }
}
