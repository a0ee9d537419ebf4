package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.DeliveryStatus;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.deliveries.entity.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * What an operator asks of the delivery list. The cursor is opaque to clients: the position
 * (received time, id) of the last item of the previous page, for stable keyset paging.
 * {@code receivedFrom} is inclusive and {@code receivedTo} exclusive, either may be null.
 */
public record DeliveryFilter(Platform platform, DeliveryStatus status, String event, Instant receivedFrom,
                             Instant receivedTo, int limit, Instant afterReceivedAt, String afterId) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** Event names and ids are short and printable; anything else cannot match and is refused as a bad request. */
    public static final int MAX_TEXT = 200;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public DeliveryFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (receivedFrom != null && receivedTo != null && !receivedFrom.isBefore(receivedTo)) {
            throw new IllegalArgumentException("from must be before to");
        }
        requireStorable(receivedFrom, "from");
        requireStorable(receivedTo, "to");
        requireStorable(afterReceivedAt, "cursor");
        requirePrintable(event, "event");
        requirePrintable(afterId, "cursor");
    }

    /** Within what the database can compare (PostgreSQL's timestamps end in the year 294276). */
    private static void requireStorable(Instant instant, String name) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new IllegalArgumentException(name + " must lie between the years 1 and 9999");
        }
    }

    private static void requirePrintable(String text, String name) {
        if (text == null) {
            return;
        }
        if (text.length() > MAX_TEXT || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_TEXT + " printable characters");
        }
    }

    public static String cursorAfter(WebhookDelivery last) {
        String position = last.getReceivedAt() + "|" + last.getId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** Where a page ends: the last item's received time and id. */
    public record Position(Instant receivedAt, String id) {
    }

    /** Decodes a cursor; IllegalArgumentException when it is not one of ours. */
    public static Position decodeCursor(String cursor) {
        if (cursor.length() > 2 * MAX_TEXT) {
            throw new IllegalArgumentException("cursor is not valid");
        }
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = position.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("cursor is not valid");
            }
            return new Position(Instant.parse(position.substring(0, bar)), position.substring(bar + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cursor is not valid", e);
        }
    }
}
