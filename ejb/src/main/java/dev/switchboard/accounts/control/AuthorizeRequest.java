package dev.switchboard.accounts.control;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The provider's authorize URL the user's browser is sent to.
 *
 * @param parameters the query parameters in the order they are written, not yet encoded
 */
public record AuthorizeRequest(OAuthProvider provider, URI endpoint, Map<String, String> parameters) {

    public AuthorizeRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * @param pkce the PKCE pair kept with the state, or null; only its challenge is sent, and only to a
     *     provider that supports PKCE, so a caller may make one for every flow
     */
    public static AuthorizeRequest create(OAuthProvider provider, OAuthEndpoints endpoints, String clientId,
            String state, URI redirectUri, Pkce pkce) {
        Objects.requireNonNull(provider, "provider");
        requireText(clientId, "client id");
        requireText(state, "state");
        Objects.requireNonNull(redirectUri, "redirect URI");

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri.toString());
        parameters.put("state", state);
        putScopes(provider, parameters);
        parameters.putAll(provider.extraAuthorizeParameters());
        if (pkce != null && provider.supportsPkce()) {
            parameters.put("code_challenge", pkce.challenge());
            parameters.put("code_challenge_method", Pkce.METHOD);
        }
        return new AuthorizeRequest(provider, provider.authorizeUri(endpoints), parameters);
    }

    /** The URL to redirect to, with the parameters percent-encoded. */
    public URI uri() {
        return URI.create(endpoint + "?" + FormEncoding.encodeQuery(parameters));
    }

    private static void putScopes(OAuthProvider provider, Map<String, String> parameters) {
        // Slack alone joins with commas; GitHub Apps and Bitbucket consumers have their scopes set on
        // the app itself, so their lists are empty and no parameter is written.
        String separator = provider == OAuthProvider.SLACK ? "," : " ";
        putJoined(parameters, "scope", provider.scopes(), separator);
        putJoined(parameters, "user_scope", provider.userScopes(), separator);
    }

    private static void putJoined(Map<String, String> parameters, String name, List<String> scopes, String separator) {
        if (!scopes.isEmpty()) {
            parameters.put(name, String.join(separator, scopes));
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}
