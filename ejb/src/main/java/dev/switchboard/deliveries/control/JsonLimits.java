package dev.switchboard.deliveries.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
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

    private JsonLimits() {
    }

    /**
     * A scalar a webhook needs from its payload, at a path of object keys from the top: with {@link #id} a number
     * counts too, written as {@link WebhookBodies#id} writes it.
     */
    public record Pick(boolean idNumbers, String... path) {

        public static Pick string(String... path) {
            return new Pick(false, path);
        }

        public static Pick id(String... path) {
            return new Pick(true, path);
        }
    }

    /** Passes a payload within the limits; else {@link MalformedWebhookException} saying which one it broke. */
    public static void check(String platform, String json) throws MalformedWebhookException {
        check(platform, json, new Pick[0]);
    }

    /**
     * {@link #check(String, String)}, picking the given values in the same pass, so that a webhook needing a
     * few fields never builds the whole payload into objects. Returns them in the order asked, null where
     * absent or of another type.
     */
    public static String[] check(String platform, String json, Pick... picks) throws MalformedWebhookException {
        String[] picked = new String[picks.length];
        int pickDepth = 0;
        for (Pick pick : picks) {
            pickDepth = Math.max(pickDepth, pick.path().length);
        }
        // keyAt[d]: the key last read in the object at depth d (null inside arrays), while d <= pickDepth
        String[] keyAt = new String[pickDepth + 1];
        Deque<Set<String>> keys = new ArrayDeque<>();
        int depth = 0;
        try (JsonParser parser = Jsons.createParser(new StringReader(json))) {
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
                        if (depth <= pickDepth) {
                            keyAt[depth] = null;
                        }
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
                        if (depth <= pickDepth) {
                            keyAt[depth] = parser.getString();
                        }
                        break;
                    case VALUE_NUMBER:
                        number(platform, parser.getString());
                        if (depth <= pickDepth) {
                            pick(picks, picked, keyAt, depth, true, parser);
                        }
                        break;
                    case VALUE_STRING:
                        if (depth <= pickDepth) {
                            pick(picks, picked, keyAt, depth, false, parser);
                        }
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
        return picked;
    }

    private static void pick(Pick[] picks, String[] picked, String[] keyAt, int depth, boolean number,
                             JsonParser parser) {
        for (int p = 0; p < picks.length; p++) {
            Pick pick = picks[p];
            if ((!number || pick.idNumbers()) && at(pick.path(), keyAt, depth)) {
                picked[p] = number ? idText(parser.getBigDecimal()) : parser.getString();
            }
        }
    }

    private static boolean at(String[] path, String[] keyAt, int depth) {
        if (path.length != depth) {
            return false;
        }
        for (int d = 1; d <= depth; d++) {
            if (!path[d - 1].equals(keyAt[d])) {
                return false;
            }
        }
        return true;
    }

    /** As {@link jakarta.json.JsonNumber} writes it: integral numbers in full, others as BigDecimal text. */
    private static String idText(BigDecimal number) {
        return number.scale() == 0 ? number.toBigInteger().toString() : number.toString();
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
