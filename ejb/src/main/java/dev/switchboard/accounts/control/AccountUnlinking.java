package dev.switchboard.accounts.control;

import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.slack.control.SlackApiException;
import dev.switchboard.slack.control.SlackResponses;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Unlinking: what features set up at the provider with the account ({@link LinkedResources}, e.g. GitLab hooks)
 * is removed while the token still works, the token is revoked at the provider where it has a revocation
 * endpoint (GitLab, Slack), then the link and its tokens are deleted here. A provider that cannot be reached
 * does not keep the user linked against their will: the local deletion happens regardless, and the answer
 * says so. No transaction is open while a provider is called.
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

    @Inject
    LinkedAccounts linkedAccounts;

    @Inject
    Instance<LinkedResources> linkedResources;

    @Resource
    SessionContext context;

    /** @param revoked whether the provider confirmed the revocation */
    public record Unlinked(boolean revoked, List<LinkedResources.Released> released) {
    }

    /** Empty when the user had no such link. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Unlinked> unlink(String userId, OAuthProvider provider) {
        if (linkedAccounts.of(userId, provider.id()).isEmpty()) {
            return Optional.empty();
        }
        List<LinkedResources.Released> released = new ArrayList<>();
        for (LinkedResources resources : linkedResources) {
            if (resources.provider() == provider) {
                released.add(resources.release(userId));
            }
        }
        // read again: releasing may have refreshed the token, and the current one is the one to revoke
        Optional<LinkedAccount> account = linkedAccounts.of(userId, provider.id());
        if (account.isEmpty()) {
            return Optional.of(new Unlinked(false, released));
        }
        boolean revoked = revoke(provider, account.get());
        context.getBusinessObject(AccountUnlinking.class).forget(account.get().getId());
        return Optional.of(new Unlinked(revoked, released));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forget(String accountId) {
        LinkedAccount account = em.find(LinkedAccount.class, accountId);
        if (account != null) {
            em.remove(account);
        }
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
