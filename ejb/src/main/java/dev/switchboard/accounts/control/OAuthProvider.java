package dev.switchboard.accounts.control;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers a user can link, with what differs between their OAuth 2.0 implementations. The id is
 * the contract's path segment ({@code /api/oauth/{id}/...}); {@code jira} stands for Atlassian Cloud's
 * 3LO, whose tokens are not tied to Jira alone.
 */
public enum OAuthProvider {

    /**
     * A GitHub App's user-to-server token. A GitHub App's permissions are set on the app, so the
     * authorize request carries no {@code scope}. PKCE (S256) is accepted since July 2025.
     */
    GITHUB("github", "github.app", List.of(), List.of(), true, ClientAuthentication.FORM_BODY, Map.of()),

    /** {@code api} covers the repository and note writes the agent makes; {@code read_user} the identity. */
    GITLAB("gitlab", "gitlab.app", List.of("api", "read_user"), List.of(), true, ClientAuthentication.FORM_BODY,
            Map.of()),

    /**
     * Bitbucket Cloud takes no scope parameter (the consumer's permissions are its scopes) and documents
     * no PKCE (only Bitbucket Data Center has it). Its token endpoint wants HTTP Basic client credentials.
     */
    BITBUCKET("bitbucket", "bitbucket.app", List.of(), List.of(), false, ClientAuthentication.HTTP_BASIC,
            Map.of()),

    /**
     * Slack OAuth v2: bot scopes in {@code scope}, user scopes in {@code user_scope}, both comma
     * separated. Slack's PKCE marks the app a public client for good, so a server-side app does not use
     * it. Slack asks for HTTP Basic client credentials in preference to form fields.
     */
    SLACK("slack", "slack",
            List.of("app_mentions:read", "channels:history", "chat:write", "groups:history", "im:history",
                    "mpim:history", "reactions:write", "users:read"),
            List.of("users:read"), false, ClientAuthentication.HTTP_BASIC, Map.of()),

    /**
     * Atlassian 3LO: {@code audience} and {@code prompt=consent} are required on the authorize URL;
     * {@code offline_access} is what yields a refresh token, {@code read:me} the identity. No PKCE is
     * documented.
     */
    JIRA("jira", "jira",
            List.of("read:jira-work", "write:jira-work", "read:jira-user", "read:me", "offline_access"), List.of(),
            false, ClientAuthentication.FORM_BODY, orderedParameters("audience", "api.atlassian.com", "prompt",
                    "consent"));

    /** Where the token endpoint expects the client id and secret. */
    public enum ClientAuthentication {
        /** {@code client_id} and {@code client_secret} as form fields of the body. */
        FORM_BODY,
        /** {@code Authorization: Basic base64(client_id:client_secret)}. */
        HTTP_BASIC
    }

    private final String id;
    private final String configPrefix;
    private final List<String> scopes;
    private final List<String> userScopes;
    private final boolean pkce;
    private final ClientAuthentication clientAuthentication;
    private final Map<String, String> extraAuthorizeParameters;

    OAuthProvider(String id, String configPrefix, List<String> scopes, List<String> userScopes, boolean pkce,
            ClientAuthentication clientAuthentication, Map<String, String> extraAuthorizeParameters) {
        this.id = id;
        this.configPrefix = configPrefix;
        this.scopes = scopes;
        this.userScopes = userScopes;
        this.pkce = pkce;
        this.clientAuthentication = clientAuthentication;
        this.extraAuthorizeParameters = extraAuthorizeParameters;
    }

    public static Optional<OAuthProvider> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public String id() {
        return id;
    }

    /** Scopes requested in {@code scope} (Slack: the bot's). Empty where the provider takes none. */
    public List<String> scopes() {
        return scopes;
    }

    /** Slack's {@code user_scope}; empty for everyone else. */
    public List<String> userScopes() {
        return userScopes;
    }

    public boolean supportsPkce() {
        return pkce;
    }

    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    /** Fixed parameters the provider requires on the authorize URL, in order. */
    public Map<String, String> extraAuthorizeParameters() {
        return extraAuthorizeParameters;
    }

    /** MicroProfile Config name of the client id, e.g. {@code github.app.client.id} (GITHUB_APP_CLIENT_ID). */
    public String clientIdProperty() {
        return configPrefix + ".client.id";
    }

    public String clientSecretProperty() {
        return configPrefix + ".client.secret";
    }

    /** The callback the contract names: {@code {public base URL}/api/oauth/{provider}/callback}. */
    public URI callbackUri(String publicBaseUrl) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        return URI.create(base + "/api/oauth/" + id + "/callback");
    }

    public URI authorizeUri(OAuthEndpoints endpoints) {
        return switch (this) {
            case GITHUB -> OAuthEndpoints.at(endpoints.githubWebUrl(), "/login/oauth/authorize");
            case GITLAB -> OAuthEndpoints.at(endpoints.gitlabUrl(), "/oauth/authorize");
            case BITBUCKET -> OAuthEndpoints.at(endpoints.bitbucketUrl(), "/site/oauth2/authorize");
            case SLACK -> OAuthEndpoints.at(endpoints.slackUrl(), "/oauth/v2/authorize");
            case JIRA -> OAuthEndpoints.at(endpoints.atlassianAuthUrl(), "/authorize");
        };
    }

    public URI tokenUri(OAuthEndpoints endpoints) {
        return switch (this) {
            case GITHUB -> OAuthEndpoints.at(endpoints.githubWebUrl(), "/login/oauth/access_token");
            case GITLAB -> OAuthEndpoints.at(endpoints.gitlabUrl(), "/oauth/token");
            case BITBUCKET -> OAuthEndpoints.at(endpoints.bitbucketUrl(), "/site/oauth2/access_token");
            case SLACK -> OAuthEndpoints.at(endpoints.slackApiUrl(), "/oauth.v2.access");
            case JIRA -> OAuthEndpoints.at(endpoints.atlassianAuthUrl(), "/oauth/token");
        };
    }

    /**
     * The endpoint that tells who the token belongs to. Slack has none to call: the token response itself
     * names the user ({@link ProviderIdentity#slack(TokenResponse)}).
     */
    public Optional<URI> identityUri(OAuthEndpoints endpoints) {
        return switch (this) {
            case GITHUB -> Optional.of(OAuthEndpoints.at(endpoints.githubApiUrl(), "/user"));
            case GITLAB -> Optional.of(OAuthEndpoints.at(endpoints.gitlabUrl(), "/api/v4/user"));
            case BITBUCKET -> Optional.of(OAuthEndpoints.at(endpoints.bitbucketApiUrl(), "/2.0/user"));
            case SLACK -> Optional.empty();
            case JIRA -> Optional.of(OAuthEndpoints.at(endpoints.atlassianApiUrl(), "/me"));
        };
    }

    /** Token revocation where the provider has a plain endpoint for it. */
    public Optional<URI> revokeUri(OAuthEndpoints endpoints) {
        return switch (this) {
            case GITLAB -> Optional.of(OAuthEndpoints.at(endpoints.gitlabUrl(), "/oauth/revoke"));
            case SLACK -> Optional.of(OAuthEndpoints.at(endpoints.slackApiUrl(), "/auth.revoke"));
            default -> Optional.empty();
        };
    }

    private static Map<String, String> orderedParameters(String... keysAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            parameters.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(parameters);
    }
}
