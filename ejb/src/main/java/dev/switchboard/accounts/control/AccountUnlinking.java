package dev.switchboard.accounts.control;

import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.slack.control.SlackApiException;
import dev.switchboard.slack.control.SlackResponses;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Unlinking: the token is revoked at the provider where it has a revocation endpoint (GitLab, Slack),
 * then the link and its tokens are deleted here. A provider that cannot be reached does not keep the
 * user linked against their will: the local deletion happens regardless, and the answer says so.
 */
@Stateless
public class AccountUnlinking {

    private static final Logger LOG = Logger.getLogger(AccountUnlinking.class.getName());

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    TokenVault vault;

    @Inject
    OAuthSettings oauth;

    @Inject
    ProviderHttp http;

    /** Whether the provider confirmed the revocation; empty when the user had no such link. */
    public Optional<Boolean> unlink(String userId, OAuthProvider provider) {
        Optional<LinkedAccount> found = em.createNamedQuery(LinkedAccount.BY_USER_AND_PROVIDER, LinkedAccount.class)
                .setParameter("userId", userId).setParameter("provider", provider.id())
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LinkedAccount account = found.get();
        boolean revoked = revoke(provider, account);
        em.remove(account);
        return Optional.of(revoked);
    }

    private boolean revoke(OAuthProvider provider, LinkedAccount account) {
        Optional<URI> uri = provider.revokeUri(oauth.endpoints());
        if (uri.isEmpty() || account.getAccessToken() == null) {
            return false;
        }
        String token = vault.decrypt(account.accessTokenPurpose(), account.getAccessToken());
        try {
            ProviderHttp.Answer answer = switch (provider) {
                case SLACK -> http.postForm(uri.get(), Map.of("Authorization", "Bearer " + token), "");
                default -> {
                    OAuthClient client = oauth.client(provider).orElseThrow();
                    yield http.postForm(uri.get(), Map.of("Accept", "application/json"), "token=" + encode(token)
                            + "&client_id=" + encode(client.id()) + "&client_secret=" + encode(client.secret()));
                }
            };
            if (provider == OAuthProvider.SLACK) {
                SlackResponses.check("auth.revoke", answer.status(), Map.of(), answer.body());
                return true;
            }
            if (answer.status() != 200) {
                LOG.warning(() -> provider.id() + " did not confirm the revocation (HTTP " + answer.status() + ")");
            }
            return answer.status() == 200;
        } catch (ProviderUnavailableException | SlackApiException | java.util.NoSuchElementException e) {
            LOG.warning(() -> provider.id() + " revocation not possible: " + e.getMessage());
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
