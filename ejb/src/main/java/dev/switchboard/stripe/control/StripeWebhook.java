package dev.switchboard.stripe.control;

import static dev.switchboard.deliveries.control.WebhookBodies.string;

import dev.switchboard.deliveries.control.HmacSha256;
import dev.switchboard.deliveries.control.InboundWebhook;
import dev.switchboard.deliveries.control.MalformedWebhookException;
import dev.switchboard.deliveries.control.Reception;
import dev.switchboard.deliveries.control.WebhookBodies;
import dev.switchboard.deliveries.control.WebhookRequest;
import dev.switchboard.deliveries.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stripe webhook endpoints, including Connect endpoints (events with an {@code account}). */
@ApplicationScoped
public class StripeWebhook implements InboundWebhook {

    private static final String NAME = "stripe";
    /** The default tolerance of Stripe's own libraries. */
    private static final long MAX_SKEW_SECONDS = 300;

    public StripeWebhook() {
    }

    @Override
    public Platform platform() {
        return Platform.STRIPE;
    }

    @Override
    public boolean isAuthentic(WebhookRequest request, String secret, Instant now) {
        SignatureHeader header = request.headers().first("Stripe-Signature")
                .map(SignatureHeader::parse)
                .orElse(null);
        if (header == null
                || Math.abs(now.getEpochSecond() - Long.parseLong(header.timestamp())) > MAX_SKEW_SECONDS) {
            return false;
        }
        byte[] prefix = (header.timestamp() + ".").getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        // Every v1 is checked, without stopping early: during secret rotation Stripe signs with each secret.
        for (String candidate : header.v1()) {
            matched |= HmacSha256.verifyHex(secret, candidate, prefix, request.body());
        }
        return matched;
    }

    @Override
    public Reception read(WebhookRequest request) throws MalformedWebhookException {
        String json = WebhookBodies.text(NAME, request.body());
        JsonObject payload = WebhookBodies.object(NAME, json);
        String id = string(payload, "id");
        String type = string(payload, "type");
        if (id == null || type == null) {
            throw new MalformedWebhookException("stripe payload has no id or type");
        }
        // "account" is set only on events delivered to a Connect endpoint.
        return new Reception.Delivery(id, type, null, string(payload, "account"), json);
    }

    /** {@code t=<ts>,v1=<hex>,v1=<hex>,v0=<hex>}: v0 and unknown schemes are ignored, never trusted. */
    private record SignatureHeader(String timestamp, List<String> v1) {

        /** Null when malformed: no or repeated t, no v1, or an element without '='. */
        static SignatureHeader parse(String header) {
            String timestamp = null;
            List<String> v1 = new ArrayList<>();
            for (String element : header.split(",")) {
                int eq = element.indexOf('=');
                if (eq < 0) {
                    return null;
                }
                String key = element.substring(0, eq).trim();
                String value = element.substring(eq + 1).trim();
                if (key.equals("t")) {
                    if (timestamp != null || !value.matches("\\d{1,18}")) {
                        return null;
                    }
                    timestamp = value;
                } else if (key.equals("v1")) {
                    v1.add(value);
                }
            }
            return timestamp == null || v1.isEmpty() ? null : new SignatureHeader(timestamp, List.copyOf(v1));
        }
    }
}
