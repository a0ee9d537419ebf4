package dev.switchboard.clients.control;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An RFC 8288 {@code Link} header, as GitHub (and GitLab) paginate:
 * {@code <https://api.github.com/...&page=2>; rel="next", <...&page=5>; rel="last"}. Parsing is lenient the
 * way a client must be: an entry that does not parse is skipped rather than failing the page, a relation
 * named twice keeps its first target (RFC 8288 section 3.3), and relation types compare case-insensitively.
 */
public final class LinkHeader {

    private static final LinkHeader EMPTY = new LinkHeader(Map.of());

    private final Map<String, URI> targets;

    private LinkHeader(Map<String, URI> targets) {
        this.targets = targets;
    }

    public static LinkHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return EMPTY;
        }
        Map<String, URI> targets = new LinkedHashMap<>();
        new Parser(header, targets).parse();
        return new LinkHeader(Collections.unmodifiableMap(targets));
    }

    public Optional<URI> rel(String relation) {
        return Optional.ofNullable(targets.get(relation.toLowerCase(Locale.ROOT)));
    }

    public Optional<URI> next() {
        return rel("next");
    }

    public Optional<URI> prev() {
        return rel("prev").or(() -> rel("previous"));
    }

    public Optional<URI> first() {
        return rel("first");
    }

    public Optional<URI> last() {
        return rel("last");
    }

    /** The {@code page} number GitHub puts in its next link, for interfaces that take {@code page} as a parameter. */
    public OptionalInt nextPage() {
        return next().flatMap(uri -> queryParameter(uri, "page")).map(LinkHeader::positive).orElse(OptionalInt.empty());
    }

    /** The last page's number, i.e. how many pages there are; GitHub omits it on the last page itself. */
    public OptionalInt lastPage() {
        return last().flatMap(uri -> queryParameter(uri, "page")).map(LinkHeader::positive).orElse(OptionalInt.empty());
    }

    /** Every relation that parsed, in header order. */
    public Map<String, URI> relations() {
        return targets;
    }

    /** A query parameter of a link target, decoded; the first one when it repeats. */
    public static Optional<String> queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static OptionalInt positive(String text) {
        try {
            int value = Integer.parseInt(text);
            return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** A hand parser: a URI may contain commas and semicolons, and quoted parameter values may too. */
    private static final class Parser {
        private final String text;
        private final Map<String, URI> targets;
        private int at;

        Parser(String text, Map<String, URI> targets) {
            this.text = text;
            this.targets = targets;
        }

        void parse() {
            while (true) {
                skipWhitespaceAnd(',');
                if (at >= text.length()) {
                    return;
                }
                if (!entry()) {
                    skipToNextEntry();
                }
            }
        }

        /** One {@code <uri>; param=value; ...}; false when malformed. */
        private boolean entry() {
            if (text.charAt(at) != '<') {
                return false;
            }
            int close = text.indexOf('>', at);
            if (close < 0) {
                at = text.length();
                return false;
            }
            String target = text.substring(at + 1, close).strip();
            at = close + 1;
            String rel = null;
            while (true) {
                skipWhitespace();
                if (at >= text.length() || text.charAt(at) == ',') {
                    break;
                }
                if (text.charAt(at) != ';') {
                    return false;
                }
                at++;
                skipWhitespace();
                String name = token().toLowerCase(Locale.ROOT);
                skipWhitespace();
                String value = "";
                if (at < text.length() && text.charAt(at) == '=') {
                    at++;
                    skipWhitespace();
                    value = at < text.length() && text.charAt(at) == '"' ? quoted() : token();
                    if (value == null) {
                        return false;
                    }
                }
                if (name.isEmpty()) {
                    return false;
                }
                if (name.equals("rel") && rel == null) {
                    rel = value;
                }
            }
            if (rel == null || target.isEmpty()) {
                return true; // well-formed, but nothing to follow
            }
            URI uri;
            try {
                uri = URI.create(target);
            } catch (IllegalArgumentException e) {
                return true; // skip this target, keep the others
            }
            for (String relation : rel.strip().split("\\s+")) {
                if (!relation.isEmpty()) {
                    targets.putIfAbsent(relation.toLowerCase(Locale.ROOT), uri);
                }
            }
            return true;
        }

        private String token() {
            int start = at;
            while (at < text.length() && ";,= \t\"".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(start, at);
        }

        /** A quoted-string with backslash escapes; null when unterminated. */
        private String quoted() {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && at < text.length()) {
                    c = text.charAt(at++);
                }
                value.append(c);
            }
            return null;
        }

        private void skipToNextEntry() {
            boolean inUri = false;
            boolean inQuotes = false;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (inQuotes) {
                    inQuotes = c != '"';
                } else if (inUri) {
                    inUri = c != '>';
                } else if (c == '"') {
                    inQuotes = true;
                } else if (c == '<') {
                    inUri = true;
                } else if (c == ',') {
                    return;
                }
                at++;
            }
        }

        private void skipWhitespace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private void skipWhitespaceAnd(char separator) {
            while (at < text.length() && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == separator)) {
                at++;
            }
        }
    }
}
