package dev.switchboard.accounts.control;

import dev.switchboard.accounts.entity.LinkedAccount;
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
