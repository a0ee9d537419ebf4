package dev.switchboard.stripe.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Stripe's two pagination styles. A list ({@code "object": "list"}) says {@code has_more}, and the next page
 * starts after the last object's id ({@code starting_after}); a search result
 * ({@code "object": "search_result"}) hands back an opaque {@code next_page} token for the {@code page}
 * parameter instead.
 */
public final class StripePages {

    private StripePages() {
    }

    /** The {@code starting_after} of the next list page, empty when {@code has_more} is false. */
    public static Optional<String> nextStartingAfter(JsonObject list) {
        if (!list.getBoolean("has_more", false)) {
            return Optional.empty();
        }
        JsonValue data = list.get("data");
        if (data == null || data.getValueType() != JsonValue.ValueType.ARRAY || ((JsonArray) data).isEmpty()) {
            return Optional.empty();
        }
        JsonArray items = (JsonArray) data;
        JsonValue last = items.get(items.size() - 1);
        if (last.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        return text(last.asJsonObject().get("id"));
    }

    /** The {@code page} token of the next search page, empty when {@code has_more} is false. */
    public static Optional<String> nextSearchPage(JsonObject searchResult) {
        if (!searchResult.getBoolean("has_more", false)) {
            return Optional.empty();
        }
        return text(searchResult.get("next_page"));
    }

    private static Optional<String> text(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            return Optional.empty();
        }
        String text = ((JsonString) value).getString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
