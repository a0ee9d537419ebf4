package dev.switchboard.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile webhook bodies, each one signed correctly for its platform so that it gets past the signature check and
 * reaches the parser: the crafted cases of the fault-and-abuse issue, then seeded random mutations of real payloads.
 */
final class HostileInput {

    /** One input: a name for the report, and the request as the platform's endpoint would get it. */
    record Case(String name, String path, Map<String, String> headers, byte[] body) {
    }

    private static final String OBJECT = "{\"action\":\"created\",\"issue\":{\"number\":7,\"title\":\"t\"},"
            + "\"sender\":{\"login\":\"octocat\",\"id\":1}}";

    private HostileInput() {
    }

    /** The crafted bodies: broken encodings, structures no platform sends, and parser-differential tricks. */
    static List<byte[]> craftedBodies() {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}); // invalid UTF-8
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}); // CESU surrogate
        bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}); // UTF-16 with a BOM
        bodies.add(utf8("\uFEFF" + OBJECT)); // a UTF-8 byte-order mark before the object
        bodies.add(utf8(nested(100_000))); // depth far beyond any payload: must not overflow the stack
        bodies.add(utf8(nested(5_000)));
        bodies.add(utf8(nested(300)));
        bodies.add(utf8("{\"action\":\"created\",\"n\":1" + "0".repeat(1_000_000) + "}")); // a million-digit number
        bodies.add(utf8("{\"action\":\"created\",\"n\":1e999999999}"));
        bodies.add(utf8("{\"action\":\"created\",\"n\":-0.0000000000000000000000000000001e-2147483648}"));
        bodies.add(utf8("{\"action\":\"created\",\"action\":\"deleted\",\"sender\":{\"login\":\"octocat\"}}")); // duplicate keys
        bodies.add(utf8("{\"sender\":{\"login\":\"octocat\",\"login\":\"admin\"},\"action\":\"created\"}"));
        bodies.add(utf8("{\"a\":\"nul\u0000inside\"}")); // a raw control character inside a string
        bodies.add(utf8(OBJECT.substring(0, OBJECT.length() / 2))); // truncated
        bodies.add(utf8(OBJECT + OBJECT)); // two objects
        bodies.add(utf8(OBJECT + " trailing"));
        bodies.add(utf8("[" + OBJECT + "]"));
        bodies.add(utf8("\"just a string\""));
        bodies.add(utf8("null"));
        bodies.add(utf8("{}{"));
        bodies.add(utf8("{'action':'created'}")); // not JSON quotes
        bodies.add(utf8("{\"a\":NaN}"));
        bodies.add(utf8("{\"a\":Infinity}"));
        bodies.add(utf8("{\"a\":01}"));
        bodies.add(utf8("{\"a\":\"" + "x".repeat(2_000_000) + "\"}".substring(0, 1))); // an unterminated 2 MB string
        bodies.add(utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
        bodies.add(utf8("payload=%7B%22a%22%3A%ZZ%7D")); // a form with a broken escape
        bodies.add(new byte[0]);
        bodies.add(utf8(" \t\r\n "));
        return bodies;
    }

    /** Seeded mutations of a real payload: flipped, inserted, deleted and duplicated bytes, and cut-offs. */
    static List<byte[]> mutatedBodies(long seed, int count) {
        Random random = new Random(seed);
        byte[] base = utf8(OBJECT);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] body = base.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                body = mutate(body, random);
            }
            bodies.add(body);
        }
        return bodies;
    }

    private static byte[] mutate(byte[] body, Random random) {
        int at = random.nextInt(body.length);
        switch (random.nextInt(5)) {
            case 0: {
                byte[] copy = body.clone();
                copy[at] = (byte) random.nextInt(256);
                return copy;
            }
            case 1: {
                byte[] copy = new byte[body.length + 1];
                System.arraycopy(body, 0, copy, 0, at);
                copy[at] = "{}[]\",:\\\u0000".getBytes(StandardCharsets.ISO_8859_1)[random.nextInt(9)];
                System.arraycopy(body, at, copy, at + 1, body.length - at);
                return copy;
            }
            case 2: {
                if (body.length < 2) {
                    return body;
                }
                byte[] copy = new byte[body.length - 1];
                System.arraycopy(body, 0, copy, 0, at);
                System.arraycopy(body, at + 1, copy, at, body.length - at - 1);
                return copy;
            }
            case 3:
                return java.util.Arrays.copyOf(body, Math.max(1, at));
            default: {
                byte[] copy = new byte[body.length + at];
                System.arraycopy(body, 0, copy, 0, body.length);
                System.arraycopy(body, 0, copy, body.length, at);
                return copy;
            }
        }
    }

    /** {@code {"a":[[[…]]]}} with the given depth of arrays. */
    static String nested(int depth) {
        return "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
