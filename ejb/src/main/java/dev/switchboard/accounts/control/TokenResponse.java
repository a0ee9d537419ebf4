package dev.switchboard.accounts.control;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A token endpoint's answer, the same shape for every provider.
 *
 * @param refreshToken null when the provider issued none (GitHub Apps with expiring tokens off)
 * @param expiresIn null when the access token does not expire
 * @param refreshTokenExpiresIn GitHub's {@code refresh_token_expires_in}; null elsewhere
 * @param slack the workspace, bot and user for Slack; null for the others
 */
public record TokenResponse(OAuthProvider provider, String accessToken, String refreshToken, Duration expiresIn,
        Duration refreshTokenExpiresIn, List<String> scopes, String tokenType, SlackInstallation slack) {

    public TokenResponse {
        scopes = List.copyOf(scopes);
    }

    /**
     * Reads the raw response of a code exchange or refresh.
     *
     * @param contentType the response's Content-Type header, or null
     * @throws OAuthProviderException the provider refused (see {@link OAuthProviderException#isInvalidGrant()})
     *     or the response cannot be read
     */
    public static TokenResponse parse(OAuthProvider provider, int status, String contentType, String body)
            throws OAuthProviderException {
        ResponseFields fields = read(provider, status, contentType, body);
        if (provider == OAuthProvider.SLACK) {
            return slack(status, fields);
        }
        // GitHub reports errors with 200; the others with 400/401, but the error field decides for all.
        if (fields.has("error")) {
            throw OAuthProviderException.rejected(provider, status, fields.optionalString("error").orElse(null),
                    fields.optionalString("error_description").orElse(null));
        }
        if (status < 200 || status > 299) {
            throw OAuthProviderException.unexpectedStatus(provider, status);
        }
        // Bitbucket calls the granted scopes "scopes"; everyone else "scope".
        List<String> scopes = fields.has("scope") ? fields.scopes("scope") : fields.scopes("scopes");
        return new TokenResponse(provider, fields.string("access_token"),
                fields.optionalString("refresh_token").filter(t -> !t.isBlank()).orElse(null),
                fields.optionalSeconds("expires_in").orElse(null),
                fields.optionalSeconds("refresh_token_expires_in").orElse(null), scopes,
                fields.optionalString("token_type").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null), null);
    }

    /**
     * The refresh token to store after this response: the new one when the provider rotated it (GitHub,
     * GitLab, Atlassian, Slack with rotation, whose old one stops working), else the one already held.
     */
    public String refreshTokenOr(String previous) {
        return refreshToken != null ? refreshToken : previous;
    }

    /** Lists scopes and lifetimes but never the tokens. */
    @Override
    public String toString() {
        return "TokenResponse[" + provider.id() + ", accessToken=" + redacted(accessToken) + ", refreshToken="
                + redacted(refreshToken) + ", expiresIn=" + expiresIn + ", refreshTokenExpiresIn="
                + refreshTokenExpiresIn + ", scopes=" + scopes + ", tokenType=" + tokenType + ", slack=" + slack + "]";
    }

    static String redacted(String token) {
        return token == null ? null : "***";
    }

    private static ResponseFields read(OAuthProvider provider, int status, String contentType, String body)
            throws OAuthProviderException {
        if (body == null || body.isBlank()) {
            throw status >= 200 && status <= 299
                    ? OAuthProviderException.malformed(provider, status, "the response body is empty")
                    : OAuthProviderException.unexpectedStatus(provider, status);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String trimmed = body.strip();
        try {
            if (type.contains("json") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
                return ResponseFields.json(provider, status, body);
            }
            // GitHub's default answer; accepted from the others too if they ever label it so.
            if (type.contains("application/x-www-form-urlencoded")) {
                return ResponseFields.form(provider, status, body);
            }
        } catch (OAuthProviderException e) {
            if (status >= 200 && status <= 299) {
                throw e;
            }
        }
        throw status >= 200 && status <= 299
                ? OAuthProviderException.malformed(provider, status, "the response is neither JSON nor form data")
                : OAuthProviderException.unexpectedStatus(provider, status);
    }

    /**
     * Slack answers 200 with {@code ok} true or false. On a code exchange the top-level token is the bot's
     * ({@code xoxb-}); an install with user scopes only has no top-level token, and the user's then stands
     * in as the access token.
     */
    private static TokenResponse slack(int status, ResponseFields fields) throws OAuthProviderException {
        if (!fields.flag("ok")) {
            throw OAuthProviderException.rejected(OAuthProvider.SLACK, status,
                    fields.optionalString("error").orElse(null), null);
        }
        SlackInstallation.AuthedUser user = null;
        if (fields.optionalObject("authed_user").isPresent()) {
            ResponseFields authed = fields.object("authed_user");
            user = new SlackInstallation.AuthedUser(authed.string("id"), authed.scopes("scope"),
                    authed.optionalString("access_token").orElse(null),
                    authed.optionalString("refresh_token").orElse(null),
                    authed.optionalSeconds("expires_in").orElse(null),
                    authed.optionalString("token_type").orElse(null));
        }
        // A refresh may answer without team; nothing but the code exchange needs it.
        Optional<ResponseFields> team = fields.optionalObject("team");
        Optional<ResponseFields> enterprise = fields.optionalObject("enterprise");
        SlackInstallation installation = new SlackInstallation(fields.optionalString("app_id").orElse(null),
                team.isPresent() ? team.get().string("id") : null,
                team.isPresent() ? team.get().optionalString("name").orElse(null) : null,
                enterprise.isPresent() ? enterprise.get().string("id") : null,
                enterprise.isPresent() ? enterprise.get().optionalString("name").orElse(null) : null,
                fields.optionalString("bot_user_id").orElse(null), user);

        if (fields.has("access_token")) {
            return new TokenResponse(OAuthProvider.SLACK, fields.string("access_token"),
                    fields.optionalString("refresh_token").orElse(null),
                    fields.optionalSeconds("expires_in").orElse(null), null, fields.scopes("scope"),
                    fields.optionalString("token_type").orElse(null), installation);
        }
        if (user == null || user.accessToken() == null) {
            throw OAuthProviderException.malformed(OAuthProvider.SLACK, status,
                    "the response has neither a bot nor a user access token");
        }
        return new TokenResponse(OAuthProvider.SLACK, user.accessToken(), user.refreshToken(), user.expiresIn(), null,
                user.scopes(), user.tokenType(), installation);
    }
}
