package dev.switchboard.accounts.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Provider responses from src/test/resources/fixtures/oauth, and helpers to read what we send. */
final class OAuthFixtures {

    static final OAuthEndpoints STUBS = new OAuthEndpoints("http://stub:8089/github-web/",
            "http://stub:8089/github-api", "http://stub:8089/gitlab", "http://stub:8089/bitbucket",
            "http://stub:8089/bitbucket-api", "http://stub:8089/slack", "http://stub:8089/slack/api",
            "http://stub:8089/atlassian-auth", "http://stub:8089/atlassian-api");

    private OAuthFixtures() {
    }

    /** @param name e.g. {@code "github/token.form"} */
    static String fixture(String name) {
        String resource = "/fixtures/oauth/" + name;
        try (InputStream in = OAuthFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a query string or form body independently of the code under test. */
    static Map<String, String> decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String previous = fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            if (previous != null) {
                throw new AssertionError("parameter repeated in " + encoded);
            }
        }
        return fields;
    }

    static Map<String, String> query(URI uri) {
        return decode(uri.getRawQuery());
    }
}
