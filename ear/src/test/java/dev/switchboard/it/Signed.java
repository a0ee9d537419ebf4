package dev.switchboard.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests signed the way each platform signs them, with the secrets the test server was given
 * (see the failsafe environment in ear/pom.xml).
 */
public final class Signed {

    public static final String GITHUB_SECRET = "it-github-secret";
    public static final String GITLAB_SECRET = "it-gitlab-secret";
    public static final String JIRA_SECRET = "it-jira-secret";
    public static final String SLACK_SECRET = "it-slack-secret";
    public static final String STRIPE_SECRET = "whsec_it-stripe-secret";

    private Signed() {
    }

    public static Map<String, String> github(String event, String deliveryId, byte[] body) {
        Map<String, String> h = json();
        h.put("X-GitHub-Event", event);
        h.put("X-GitHub-Delivery", deliveryId);
        h.put("X-GitHub-Hook-ID", "4242");
        h.put("User-Agent", "GitHub-Hookshot/044aadd");
        h.put("X-Hub-Signature-256", "sha256=" + hmac(GITHUB_SECRET, body));
        return h;
    }

    public static Map<String, String> gitlab(String event, String uuid) {
        Map<String, String> h = json();
        h.put("X-Gitlab-Event", event);
        h.put("X-Gitlab-Event-UUID", uuid);
        h.put("X-Gitlab-Instance", "https://gitlab.example.com");
        h.put("X-Gitlab-Token", GITLAB_SECRET);
        h.put("User-Agent", "GitLab/17.5.0");
        return h;
    }

    public static Map<String, String> jira(String identifier, byte[] body) {
        Map<String, String> h = json();
        h.put("X-Atlassian-Webhook-Identifier", identifier);
        h.put("X-Hub-Signature", "sha256=" + hmac(JIRA_SECRET, body));
        h.put("User-Agent", "Atlassian Webhook HTTP Client");
        return h;
    }

    public static Map<String, String> slack(byte[] body, long timestamp, String contentType) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        String base = "v0:" + timestamp + ":" + new String(body, StandardCharsets.UTF_8);
        h.put("X-Slack-Request-Timestamp", Long.toString(timestamp));
        h.put("X-Slack-Signature", "v0=" + hmac(SLACK_SECRET, base.getBytes(StandardCharsets.UTF_8)));
        h.put("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)");
        return h;
    }

    public static Map<String, String> stripe(byte[] body, long timestamp) {
        Map<String, String> h = json();
        String signed = timestamp + "." + new String(body, StandardCharsets.UTF_8);
        h.put("Stripe-Signature", "t=" + timestamp + ",v1=" + hmac(STRIPE_SECRET, signed.getBytes(StandardCharsets.UTF_8))
                + ",v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39");
        h.put("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        return h;
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public static String hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> json() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        return h;
    }
}
