package dev.switchboard.bench;

import dev.switchboard.deliveries.control.HmacSha256;
import dev.switchboard.deliveries.control.WebhookHeaders;
import dev.switchboard.deliveries.control.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Request bodies of a given size, signed the way each platform signs them. */
final class SignedBodies {

    static final String SECRET = "bench-secret-0123456789abcdef";

    private SignedBodies() {
    }

    /** A JSON body of exactly {@code bytes} bytes, shaped like a delivery with a long comment. */
    static byte[] body(int bytes) {
        String head = "{\"action\":\"created\",\"comment\":{\"body\":\"";
        String tail = "\"}}";
        StringBuilder json = new StringBuilder(bytes).append(head);
        while (json.length() < bytes - tail.length()) {
            json.append('x');
        }
        return json.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }

    static WebhookRequest signed(String platform, byte[] body, Instant now) {
        long ts = now.getEpochSecond();
        return switch (platform) {
            case "github" -> request(body, "X-Hub-Signature-256", "sha256=" + HmacSha256.signHex(SECRET, body));
            case "jira" -> request(body, "X-Hub-Signature", "sha256=" + HmacSha256.signHex(SECRET, body));
            case "gitlab" -> request(body, "X-Gitlab-Token", SECRET);
            case "slack" -> request(body, "X-Slack-Request-Timestamp", String.valueOf(ts), "X-Slack-Signature",
                    "v0=" + HmacSha256.signHex(SECRET, ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8), body));
            case "stripe" -> request(body, "Stripe-Signature", "t=" + ts + ",v1="
                    + HmacSha256.signHex(SECRET, (ts + ".").getBytes(StandardCharsets.UTF_8), body));
            default -> throw new IllegalArgumentException("no platform " + platform);
        };
    }

    private static WebhookRequest request(byte[] body, String... headers) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return new WebhookRequest(WebhookHeaders.ofSingle(map), body);
    }
}
