package dev.switchboard.accounts.control;

import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.accounts.entity.TokenSource;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/** Puts what a token endpoint issued (code exchange or refresh) on a linked account, encrypted. */
@ApplicationScoped
public class IssuedTokens {

    @Inject
    TokenVault vault;

    /**
     * Brokered linking: the provider token Keycloak handed out, and the user's Keycloak offline token in
     * the refresh column (the provider's own refresh token, if Keycloak has one, stays with Keycloak).
     */
    public void storeBrokered(LinkedAccount account, TokenResponse providerTokens, String offlineToken, Instant now) {
        account.brokeredBy(TokenSource.KEYCLOAK);
        account.tokensIssued(vault.encrypt(account.accessTokenPurpose(), providerTokens.accessToken()),
                providerTokens.expiresIn() == null ? null : now.plus(providerTokens.expiresIn()),
                offlineToken == null ? null : vault.encrypt(account.refreshTokenPurpose(), offlineToken), null, now);
    }

    public void store(LinkedAccount account, TokenResponse tokens, Instant now) {
        String access = tokens.accessToken();
        String refresh = tokens.refreshToken();
        Duration expiresIn = tokens.expiresIn();
        if (tokens.slack() != null && tokens.slack().authedUser() != null) {
            // Slack's top-level token is the workspace's bot token; the user's own is inside authed_user
            var user = tokens.slack().authedUser();
            access = user.accessToken();
            refresh = user.refreshToken();
            expiresIn = user.expiresIn();
        } else if (tokens.slack() != null) {
            return;
        }
        if (access == null) {
            return;
        }
        account.tokensIssued(vault.encrypt(account.accessTokenPurpose(), access),
                expiresIn == null ? null : now.plus(expiresIn),
                refresh == null ? null : vault.encrypt(account.refreshTokenPurpose(), refresh),
                tokens.refreshTokenExpiresIn() == null ? null : now.plus(tokens.refreshTokenExpiresIn()), now);
    }
}
