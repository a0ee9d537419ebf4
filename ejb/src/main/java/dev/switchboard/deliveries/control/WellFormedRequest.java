package dev.switchboard.deliveries.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The parts of "well-formed" (contract: 400, nothing stored) that are not the body's JSON: a content type the
 * platforms send (JSON or a form, UTF-8), and delivery fields that fit what is stored — a printable id of at most
 * 255 characters and an event name of at most 100. Without this an over-long id would fail the insert and be
 * answered 503, which a platform retries forever.
 */
final class WellFormedRequest {

    private static final Pattern DELIVERY_ID = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9_.:/ -]{1,100}");
    private static final int MAX_FIELD = 100;
    private static final int MAX_ACCOUNT = 255;

    private WellFormedRequest() {
    }

    /** No Content-Type, or JSON / a form, with no charset but UTF-8. */
    static void contentType(String platform, WebhookHeaders headers) throws MalformedWebhookException {
        String type = headers.first("Content-Type").orElse("").strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
            return;
        }
        String[] parts = type.split(";");
        String media = parts[0].strip();
        if (!media.equals("application/json") && !media.equals("application/x-www-form-urlencoded")) {
            throw new MalformedWebhookException(platform + " webhooks are JSON or a form, not " + clip(media));
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=") && !parameter.replace("\"", "").equals("charset=utf-8")) {
                throw new MalformedWebhookException(platform + " webhooks are UTF-8, not " + clip(parameter));
            }
        }
    }

    static void delivery(String platform, Reception.Delivery delivery) throws MalformedWebhookException {
        if (!DELIVERY_ID.matcher(delivery.deliveryId()).matches()) {
            throw new MalformedWebhookException(platform + " delivery id must be 1 to 255 printable characters");
        }
        if (!EVENT.matcher(delivery.event()).matches()) {
            throw new MalformedWebhookException(platform + " event name must be 1 to 100 letters, digits or _.:/ -");
        }
        if (delivery.action() != null && delivery.action().length() > MAX_FIELD) {
            throw new MalformedWebhookException(platform + " action is longer than " + MAX_FIELD + " characters");
        }
        if (delivery.accountId() != null && delivery.accountId().length() > MAX_ACCOUNT) {
            throw new MalformedWebhookException(platform + " account id is longer than " + MAX_ACCOUNT + " characters");
        }
    }

    private static String clip(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
