package dev.switchboard.accounts.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A POST to the provider's token endpoint: the code exchange or a refresh. Whoever sends it writes
 * {@link #headers()} and {@link #body()} as they are.
 *
 * @param form the form fields, not yet encoded, in the order they are written
 */
public record TokenRequest(OAuthProvider provider, URI uri, Map<String, String> form, Map<String, String> headers) {

    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    public TokenRequest {
        form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * @param redirectUri the one sent on the authorize URL; RFC 6749 (and GitLab, Slack, Atlassian) require
     *     it again here
     * @param pkce the pair whose challenge went on the authorize URL, or null; its verifier is sent only
     *     to a provider that supports PKCE, matching {@link AuthorizeRequest}
     */
    public static TokenRequest authorizationCode(OAuthProvider provider, OAuthEndpoints endpoints, OAuthClient client,
            String code, URI redirectUri, Pkce pkce) {
        requireText(code, "authorization code");
        Objects.requireNonNull(redirectUri, "redirect URI");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        if (pkce != null && provider.supportsPkce()) {
            form.put("code_verifier", pkce.verifier());
        }
        return authenticated(provider, endpoints, client, form);
    }

    /**
     * A refresh. GitHub, GitLab, Atlassian and Slack (with rotation) answer with a new refresh token and
     * invalidate the old one, so the caller must store {@link TokenResponse#refreshTokenOr(String)}.
     */
    public static TokenRequest refresh(OAuthProvider provider, OAuthEndpoints endpoints, OAuthClient client,
            String refreshToken) {
        requireText(refreshToken, "refresh token");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return authenticated(provider, endpoints, client, form);
    }

    /** The encoded {@code application/x-www-form-urlencoded} body. */
    public String body() {
        return FormEncoding.encode(form);
    }

    /** Names the fields but never prints their values: codes, tokens and secrets are all in there. */
    @Override
    public String toString() {
        return "TokenRequest[" + provider.id() + " POST " + uri + ", fields=" + form.keySet() + ", headers="
                + headers.keySet() + "]";
    }

    private static TokenRequest authenticated(OAuthProvider provider, OAuthEndpoints endpoints, OAuthClient client,
            Map<String, String> form) {
        Objects.requireNonNull(client, "client");
        Map<String, String> headers = new LinkedHashMap<>();
        // GitHub answers form-encoded unless asked for JSON; the others ignore it or agree.
        headers.put("Accept", "application/json");
        headers.put("Content-Type", FORM_CONTENT_TYPE);
        switch (provider.clientAuthentication()) {
            case HTTP_BASIC -> headers.put("Authorization", basic(client));
            case FORM_BODY -> {
                form.put("client_id", client.id());
                form.put("client_secret", client.secret());
            }
        }
        return new TokenRequest(provider, provider.tokenUri(endpoints), form, headers);
    }

    /** As {@code curl -u id:secret} sends it, the form Bitbucket's and Slack's documentation use. */
    private static String basic(OAuthClient client) {
        String credentials = client.id() + ":" + client.secret();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}
