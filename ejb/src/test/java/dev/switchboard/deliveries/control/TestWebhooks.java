package dev.switchboard.deliveries.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Requests and fixtures for the platforms' webhook tests. */
public final class TestWebhooks {

    private TestWebhooks() {
    }

    /** The exact bytes of a fixture under src/test/resources/fixtures. */
    public static byte[] fixture(String path) {
        try (InputStream in = TestWebhooks.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fixtureText(String path) {
        return new String(fixture(path), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A request with the given body and header name/value pairs. */
    public static WebhookRequest request(byte[] body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return new WebhookRequest(WebhookHeaders.ofSingle(map), body);
    }

    public static WebhookRequest request(String body, String... headers) {
        return request(bytes(body), headers);
    }

    /** The body with one byte changed, as a tampering proxy would. */
    public static byte[] tampered(byte[] body) {
        byte[] copy = body.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }
}
