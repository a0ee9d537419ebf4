package dev.switchboard.accounts.control;

import java.time.Duration;
import java.util.List;

/**
 * What Slack's {@code oauth.v2.access} says beyond the token: the workspace, the bot, and the user who
 * authorized. The top-level token of that response is the bot's; the user's own token, if user scopes
 * were asked for, is inside {@link AuthedUser}.
 *
 * @param teamId the workspace; null only if a refresh answer leaves the team out
 * @param enterpriseId null unless installed in an Enterprise Grid organization
 * @param authedUser null on a refresh, which answers for one token only
 */
public record SlackInstallation(String appId, String teamId, String teamName, String enterpriseId,
        String enterpriseName, String botUserId, AuthedUser authedUser) {

    /**
     * @param accessToken the user token ({@code xoxp-}), or null when no user scope was granted
     * @param refreshToken, expiresIn set only when the app has token rotation on
     */
    public record AuthedUser(String id, List<String> scopes, String accessToken, String refreshToken,
            Duration expiresIn, String tokenType) {

        @Override
        public String toString() {
            return "AuthedUser[id=" + id + ", scopes=" + scopes + ", accessToken="
                    + TokenResponse.redacted(accessToken) + ", refreshToken=" + TokenResponse.redacted(refreshToken)
                    + ", expiresIn=" + expiresIn + ", tokenType=" + tokenType + "]";
        }
    }
}
