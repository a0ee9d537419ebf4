package dev.switchboard.deliveries.control;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The headers of one webhook request, looked up case-insensitively as HTTP requires. */
public final class WebhookHeaders {

    /** Never stored or shown: they carry credentials, not information about the event. */
    private static final Set<String> SECRET_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "x-gitlab-token");

    private final Map<String, List<String>> values;

    private WebhookHeaders(Map<String, List<String>> values) {
        this.values = values;
    }

    public static WebhookHeaders of(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, list) -> copy.merge(name, List.copyOf(list), (a, b) -> {
            var merged = new java.util.ArrayList<>(a);
            merged.addAll(b);
            return List.copyOf(merged);
        }));
        return new WebhookHeaders(Collections.unmodifiableMap(copy));
    }

    /** Convenience for tests and single-valued headers. */
    public static WebhookHeaders ofSingle(Map<String, String> headers) {
        Map<String, List<String>> lists = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> lists.put(name, List.of(value)));
        return new WebhookHeaders(Collections.unmodifiableMap(lists));
    }

    /** The first value of a header, trimmed; empty when absent or blank. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty() || list.get(0) == null || list.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(list.get(0).trim());
    }

    /** Every value of a header (Stripe and others may repeat one). */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The headers that may be stored and shown to operators, names in lower case. */
    public Map<String, List<String>> withoutSecrets() {
        Map<String, List<String>> kept = new TreeMap<>();
        values.forEach((name, list) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!SECRET_HEADERS.contains(lower)) {
                kept.put(lower, list);
            }
        });
        return kept;
    }
}
