package dev.switchboard.accounts.control;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded}, both ways, in UTF-8. */
final class FormEncoding {

    private FormEncoding() {
    }

    /** A form body: spaces become {@code +}, as HTML forms and every token endpoint expect. */
    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * A query string: spaces become {@code %20}. Atlassian documents {@code scope=a%20b}; a {@code +} is
     * only a space by the form convention, which not every authorize page applies to its query.
     */
    static String encodeQuery(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()).replace("+", "%20") + "=" + encode(e.getValue()).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    /** Decodes a form body; a name without {@code =} maps to the empty string, a repeated name keeps the first. */
    static Map<String, String> decode(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
