package dev.switchboard.accounts.control;

import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keycloak-brokered linking, the seed's deployment: for the providers listed in
 * {@code BROKERED_PROVIDERS}, the user signs in at Keycloak through that provider (Keycloak stores the
 * provider's tokens), Switchboard keeps the user's Keycloak offline token, and reads a provider token
 * from Keycloak's broker endpoint {@code /realms/{realm}/broker/{alias}/token} whenever it needs one.
 * Configuration: {@code KEYCLOAK_SERVER_URL}, {@code KEYCLOAK_REALM_NAME}, {@code KEYCLOAK_CLIENT_ID}
 * (default {@code switchboard}), {@code KEYCLOAK_CLIENT_SECRET}; the broker alias is the provider id.
 */
@ApplicationScoped
public class KeycloakBroker {

    @Inject
    ProviderHttp http;

    /** What Keycloak's token endpoint issued: its access token, and the offline token to keep. */
    public record KeycloakTokens(String accessToken, String refreshToken) {
        @Override
        public String toString() {
            return "KeycloakTokens[***]";
        }
    }

    public boolean brokers(OAuthProvider provider) {
        return config().getOptionalValue("brokered.providers", String.class)
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).anyMatch(provider.id()::equalsIgnoreCase))
                .orElse(false);
    }

    public URI authorizeUri(OAuthProvider provider, String state, URI redirectUri, Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("state", state);
        query.put("scope", "openid offline_access");
        query.put("kc_idp_hint", provider.id());
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", Pkce.METHOD);
        return URI.create(realmUrl() + "/protocol/openid-connect/auth?" + FormEncoding.encodeQuery(query));
    }

    public KeycloakTokens exchange(OAuthProvider provider, String code, URI redirectUri, String verifier)
            throws OAuthProviderException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", verifier);
        return token(provider, form);
    }

    public KeycloakTokens refresh(OAuthProvider provider, String offlineToken) throws OAuthProviderException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", offlineToken);
        return token(provider, form);
    }

    /** The provider's token as Keycloak stored it at the user's last broker sign-in. */
    public TokenResponse providerToken(OAuthProvider provider, String keycloakAccessToken) throws OAuthProviderException {
        ProviderHttp.Answer answer = http.get(URI.create(realmUrl() + "/broker/" + provider.id() + "/token"),
                keycloakAccessToken);
        if (answer.status() != 200) {
            throw OAuthProviderException.rejected(provider, answer.status(), answer.status() == 400 || answer.status() == 403
                    ? "broker_token_unavailable" : "unexpected_status",
                    "Keycloak has no stored " + provider.id() + " token for the user (HTTP " + answer.status() + ")");
        }
        // Keycloak hands back the token response exactly as the provider sent it (GitHub's is form-encoded)
        // whatever content type it labels it with: judge by the body.
        String type = answer.body().stripLeading().startsWith("{") ? "application/json"
                : "application/x-www-form-urlencoded";
        return TokenResponse.parse(provider, 200, type, answer.body());
    }

    private KeycloakTokens token(OAuthProvider provider, Map<String, String> form) throws OAuthProviderException {
        String secret = config().getOptionalValue("keycloak.client.secret", String.class).orElse("");
        Map<String, String> headers = Map.of("Accept", "application/json", "Authorization", "Basic "
                + Base64.getEncoder().encodeToString((clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        ProviderHttp.Answer answer = http.postForm(URI.create(realmUrl() + "/protocol/openid-connect/token"), headers,
                FormEncoding.encode(form));
        try {
            JsonObject json = Jsons.createReader(new StringReader(answer.body())).readObject();
            if (answer.status() != 200 || !json.containsKey("access_token")) {
                // Keycloak answers RFC 6749 errors: invalid_grant when the offline session is gone
                throw OAuthProviderException.rejected(provider, answer.status(), json.getString("error", "unexpected_status"),
                        "keycloak: " + json.getString("error_description", "no description"));
            }
            return new KeycloakTokens(json.getString("access_token"), json.getString("refresh_token", null));
        } catch (JsonException | ClassCastException e) {
            throw OAuthProviderException.malformed(provider, answer.status(), "keycloak's token answer is not JSON");
        }
    }

    String realmUrl() {
        String server = setting("keycloak.server.url").replaceAll("/+$", "");
        return server + "/realms/" + setting("keycloak.realm.name");
    }

    private String clientId() {
        return config().getOptionalValue("keycloak.client.id", String.class).orElse("switchboard");
    }

    private static String setting(String name) {
        Optional<String> value = config().getOptionalValue(name, String.class).filter(v -> !v.isBlank());
        return value.orElseThrow(() -> new AccountLinkingException(503, "brokered linking needs "
                + name.toUpperCase().replace('.', '_')));
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
