package dev.switchboard.jira.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What an operator may register as a Jira site, in the one spelling stored (lower-case scheme and host, no
 * trailing slash), so that the unique site check cannot be dodged by {@code HTTPS://Acme.atlassian.net/}.
 * Messages say what is wrong and never repeat a token.
 */
public final class JiraSites {

    /** Plain HTTP carries the service account's token in clear: only for a Jira on this machine (tests, the stub). */
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");
    private static final String CLOUD_ID = "[A-Za-z0-9-]{1,64}";
    private static final int MAX_SITE_URL = 500;
    private static final int MAX_EMAIL = 320;

    private JiraSites() {
    }

    /** The site URL as stored, or {@link IllegalArgumentException} saying why it is not one. */
    public static String siteUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("siteUrl is required (e.g. https://acme.atlassian.net)");
        }
        String text = raw.strip();
        if (text.length() > MAX_SITE_URL) {
            throw new IllegalArgumentException("siteUrl is longer than " + MAX_SITE_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("siteUrl is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !uri.isAbsolute() || uri.isOpaque()) {
            throw new IllegalArgumentException("siteUrl must be an absolute https URL with a host");
        }
        if (!"https".equals(scheme) && !("http".equals(scheme) && LOCAL_HOSTS.contains(host))) {
            throw new IllegalArgumentException("siteUrl must use https (http only for localhost or 127.0.0.1)");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("siteUrl must not carry credentials, a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path;
    }

    /**
     * The cloud id as stored, or null for a Data Center site. A site on {@code atlassian.net} is Cloud and
     * needs it: its API is reached through the gateway by cloud id, never by the site URL.
     */
    public static String cloudId(String raw, String siteUrl) {
        String cloudId = raw == null || raw.isBlank() ? null : raw.strip();
        if (cloudId != null && !cloudId.matches(CLOUD_ID)) {
            throw new IllegalArgumentException("cloudId must be the site's cloud id (letters, digits and dashes)");
        }
        if (cloudId == null && URI.create(siteUrl).getHost().endsWith(".atlassian.net")) {
            throw new IllegalArgumentException("a Jira Cloud site needs its cloudId (" + siteUrl
                    + "/_edge/tenant_info shows it)");
        }
        return cloudId;
    }

    /** An optional email, stripped; the Basic auth user of Cloud, so it may not hold a colon or control characters. */
    public static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.strip();
        if (email.length() > MAX_EMAIL || !email.matches("[^\\s:@]+@[^\\s:@]+")) {
            throw new IllegalArgumentException("serviceAccountEmail is not an email address");
        }
        return email;
    }

    /**
     * An optional token, stripped. Only visible ASCII: anything else would be a broken header (or, with a line
     * break, a second one). The message never quotes it.
     */
    public static String token(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String token = raw.strip();
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("serviceAccountToken may only hold visible ASCII characters");
        }
        return token;
    }
}
