package dev.switchboard.ratelimits.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Case-insensitive reads from a response's header map (HTTP/2 lower-cases names, HTTP/1.1 servers do not;
 * JAX-RS and {@code HttpURLConnection} maps keep whatever came, and the latter has a {@code null} key for
 * the status line).
 */
public final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /** The first non-blank value of the header, trimmed. */
    public static Optional<String> first(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
                for (String value : header.getValue()) {
                    if (value != null && !value.isBlank()) {
                        return Optional.of(value.trim());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** An immutable copy without {@code null} names or values, for keeping inside records. */
    static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        if (headers == null) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                copy.put(name, values.stream().filter(Objects::nonNull).toList());
            }
        });
        return Map.copyOf(copy);
    }
}
