package dev.switchboard.accounts.control;

import dev.switchboard.accounts.entity.LinkStatus;
import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.accounts.entity.TokenSource;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A linked account's access token, refreshed when due. The refresh happens under the account row's
 * lock ({@code SELECT ... FOR UPDATE}): concurrent callers on any node wait, then find the new token,
 * so the provider sees one refresh. A refused refresh marks the account NEEDS_RELINK and keeps its
 * tokens; nothing is deleted behind the user's back.
 */
@Stateless
public class AccessTokens {

    @Inject
    OAuthMetrics metrics;

    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    TokenVault vault;

    @Inject
    OAuthSettings oauth;

    @Inject
    ProviderHttp http;

    @Inject
    IssuedTokens issuedTokens;

    @Inject
    KeycloakBroker broker;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "token.refresh.margin.seconds", defaultValue = "300")
    long marginSeconds;

    /**
     * Calls the provider with the account's token; on a 401 refreshes once (if no one else already has)
     * and calls again. The call itself runs outside any transaction.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ProviderHttp.Answer call(String userId, OAuthProvider provider, Function<String, ProviderHttp.Answer> call) {
        AccessTokens self = context.getBusinessObject(AccessTokens.class);
        String token = self.current(userId, provider);
        ProviderHttp.Answer answer = call.apply(token);
        if (answer.status() == 401) {
            answer = call.apply(self.refreshUnlessChanged(userId, provider, token));
        }
        return answer;
    }

    /** The current access token, refreshed first when it is within the margin of its expiry. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String current(String userId, OAuthProvider provider) {
        LinkedAccount account = locked(userId, provider);
        if (account.accessTokenDue(Duration.ofSeconds(marginSeconds), Instant.now())) {
            refresh(account, provider);
        }
        return vault.decrypt(account.accessTokenPurpose(), account.getAccessToken());
    }

    /** After a 401: refresh, unless another caller already replaced the token that failed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String refreshUnlessChanged(String userId, OAuthProvider provider, String failedToken) {
        LinkedAccount account = locked(userId, provider);
        String stored = vault.decrypt(account.accessTokenPurpose(), account.getAccessToken());
        if (stored.equals(failedToken)) {
            refresh(account, provider);
            stored = vault.decrypt(account.accessTokenPurpose(), account.getAccessToken());
        }
        return stored;
    }

    private LinkedAccount locked(String userId, OAuthProvider provider) {
        LinkedAccount account = em.createNamedQuery(LinkedAccount.BY_USER_AND_PROVIDER, LinkedAccount.class)
                .setParameter("userId", userId).setParameter("provider", provider.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new AccountLinkingException(404, "no linked " + provider.id() + " account"));
        if (account.getStatus() == LinkStatus.NEEDS_RELINK) {
            throw new RelinkRequiredException(provider.id(), relinkMessage(provider));
        }
        if (account.getAccessToken() == null) {
            throw new AccountLinkingException(409, "the linked " + provider.id() + " account holds no token");
        }
        return account;
    }

    private void refresh(LinkedAccount account, OAuthProvider provider) {
        if (!account.canRefresh()) {
            return; // no refresh token: use the token until the provider says otherwise
        }
        String refreshToken = vault.decrypt(account.refreshTokenPurpose(), account.getRefreshToken());
        try {
            if (account.getTokenSource() == TokenSource.KEYCLOAK) {
                KeycloakBroker.KeycloakTokens keycloak = broker.refresh(provider, refreshToken);
                issuedTokens.storeBrokered(account, broker.providerToken(provider, keycloak.accessToken()),
                        keycloak.refreshToken() != null ? keycloak.refreshToken() : refreshToken, Instant.now());
                metrics.refreshed(provider);
                return;
            }
            OAuthClient client = oauth.client(provider).orElseThrow(() -> new AccountLinkingException(503,
                    provider.id() + " account linking is not configured (client id and secret)"));
            TokenRequest request = TokenRequest.refresh(provider, oauth.endpoints(), client, refreshToken);
            ProviderHttp.Answer answer = http.postForm(request.uri(), request.headers(), request.body());
            issuedTokens.store(account, TokenResponse.parse(provider, answer.status(), answer.contentType(),
                    answer.body()), Instant.now());
            metrics.refreshed(provider);
            LOG.fine(() -> "refreshed the " + provider.id() + " token of account " + account.getId());
        } catch (OAuthProviderException e) {
            metrics.refreshFailed(provider, e.isInvalidGrant() ? "relink" : "provider");
            if (!e.isInvalidGrant()) {
                throw new AccountLinkingException(502, e.getMessage());
            }
            // We hold the row lock, so no other node rotated the token meanwhile: the grant is really gone.
            account.needsRelink(provider.id() + " refused the refresh token (" + e.error() + ")", Instant.now());
            LOG.warning(() -> "linked " + provider.id() + " account " + account.getId() + " needs to be linked again: "
                    + e.error());
            throw new RelinkRequiredException(provider.id(), relinkMessage(provider));
        }
    }

    private static String relinkMessage(OAuthProvider provider) {
        return "the " + provider.id() + " account must be linked again: the provider no longer accepts its token";
    }
}
