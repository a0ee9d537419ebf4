package dev.switchboard.accounts.control;

import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.accounts.entity.OAuthState;
import dev.switchboard.jira.entity.JiraWorkspace;
import dev.switchboard.slack.entity.SlackInstallation;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The authorization-code flow for every provider: issue a single-use state bound to the user and their
 * browser (with PKCE where the provider takes it), then on the callback consume the state, exchange the
 * code, ask who the token belongs to, and store the link with its tokens encrypted. No database
 * transaction is open while a provider is called.
 */
@Stateless
public class AccountLinking {

    @Inject
    OAuthMetrics metrics;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    TokenVault vault;

    @Inject
    OAuthSettings oauth;

    @Inject
    LinkingSettings linking;

    @Inject
    ProviderHttp http;

    @Inject
    IssuedTokens issuedTokens;

    @Inject
    KeycloakBroker broker;

    @Resource
    SessionContext context;

    /** What the user linked, and where to send them next (null: answer with JSON). */
    public record Linked(String provider, String login, String redirectTo) {
    }

    /** The state a callback presented, once validated and consumed. */
    public record ClaimedState(String userId, String codeVerifier, String redirectTo) {
    }

    public URI authorize(String userId, OAuthProvider provider, String browserBinding, String redirectTo) {
        boolean brokered = broker.brokers(provider);
        OAuthClient client = brokered ? null : client(provider);
        if (!linking.redirectAllowed(redirectTo)) {
            throw new AccountLinkingException(400, "redirect target is not allowed: " + redirectTo);
        }
        metrics.attempt(provider);
        String state = OAuthStates.newState();
        String stateHash = OAuthStates.hash(state);
        Pkce pkce = brokered || provider.supportsPkce() ? Pkce.create() : null;
        String verifier = pkce == null ? null : vault.encrypt(OAuthState.codeVerifierPurpose(stateHash), pkce.verifier());
        em.persist(new OAuthState(stateHash, provider.id(), userId, OAuthStates.hash(browserBinding), verifier,
                blankToNull(redirectTo), Instant.now()));
        if (brokered) {
            return broker.authorizeUri(provider, state, callbackUri(provider), pkce);
        }
        return AuthorizeRequest.create(provider, oauth.endpoints(), client.id(), state, callbackUri(provider), pkce).uri();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Linked complete(OAuthProvider provider, String code, String state, String error, String errorDescription,
                           String browserBinding) {
        try {
            Linked linked = exchange(provider, code, state, error, errorDescription, browserBinding);
            metrics.linked(provider);
            return linked;
        } catch (RuntimeException e) {
            metrics.linkFailed(provider);
            throw e;
        }
    }

    private Linked exchange(OAuthProvider provider, String code, String state, String error, String errorDescription,
                            String browserBinding) {
        AccountLinking self = context.getBusinessObject(AccountLinking.class);
        ClaimedState claimed = self.claim(provider, state, browserBinding);
        try {
            if (error != null) {
                throw OAuthProviderException.fromCallback(provider, error, errorDescription);
            }
            if (code == null || code.isBlank()) {
                throw new AccountLinkingException(400, provider.id() + " callback carries no code");
            }
            if (broker.brokers(provider)) {
                KeycloakBroker.KeycloakTokens keycloak = broker.exchange(provider, code, callbackUri(provider),
                        claimed.codeVerifier());
                TokenResponse tokens = broker.providerToken(provider, keycloak.accessToken());
                ProviderIdentity identity = identity(provider, tokens);
                self.store(claimed.userId(), identity, tokens, List.of(), keycloak.refreshToken());
                return new Linked(provider.id(), identity.login(), claimed.redirectTo());
            }
            Pkce pkce = claimed.codeVerifier() == null ? null : Pkce.of(claimed.codeVerifier());
            TokenRequest request = TokenRequest.authorizationCode(provider, oauth.endpoints(), client(provider), code,
                    callbackUri(provider), pkce);
            ProviderHttp.Answer answer = http.postForm(request.uri(), request.headers(), request.body());
            TokenResponse tokens = TokenResponse.parse(provider, answer.status(), answer.contentType(), answer.body());
            ProviderIdentity identity = identity(provider, tokens);
            List<AtlassianSite> sites = provider == OAuthProvider.JIRA ? sites(tokens.accessToken()) : List.of();
            self.store(claimed.userId(), identity, tokens, sites, null);
            return new Linked(provider.id(), identity.login(), claimed.redirectTo());
        } catch (OAuthProviderException e) {
            throw new AccountLinkingException(e.status() >= 500 || OAuthProviderException.MALFORMED_RESPONSE.equals(e.error())
                    || OAuthProviderException.UNEXPECTED_STATUS.equals(e.error()) ? 502 : 400, e.getMessage());
        }
    }

    /** Validates the callback's state and marks it used, committed at once: a state works once, even if the rest fails. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ClaimedState claim(OAuthProvider provider, String state, String browserBinding) {
        if (state == null || state.isBlank()) {
            throw new AccountLinkingException(400, "the callback carries no state");
        }
        OAuthState row = em.find(OAuthState.class, OAuthStates.hash(state), LockModeType.PESSIMISTIC_WRITE);
        OAuthProviderState stored = row == null ? null
                : new OAuthProviderState(row.getProvider(), row.getBrowserHash(), row.getExpiresAt(), row.getUsedAt() != null);
        String browser = browserBinding == null ? null : OAuthStates.hash(browserBinding);
        StateCheck check = OAuthStates.check(stored, provider.id(), browser, Instant.now());
        if (check != StateCheck.VALID) {
            throw new AccountLinkingException(400, "account linking failed: " + check.description()
                    + "; start again from Switchboard");
        }
        row.use(Instant.now());
        return new ClaimedState(row.getUserId(), vault.decrypt(row.codeVerifierPurpose(), row.getCodeVerifier()),
                row.getRedirectTo());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void store(String userId, ProviderIdentity identity, TokenResponse tokens, List<AtlassianSite> sites,
                      String keycloakOfflineToken) {
        String provider = identity.provider().id();
        Instant now = Instant.now();
        Optional<LinkedAccount> elsewhere = em.createNamedQuery(LinkedAccount.BY_PROVIDER_USER, LinkedAccount.class)
                .setParameter("provider", provider).setParameter("providerUserId", identity.userId())
                .getResultStream().findFirst();
        if (elsewhere.isPresent() && !elsewhere.get().getUserId().equals(userId)) {
            throw new AccountLinkingException(409, "this " + provider
                    + " account is already linked to another Switchboard user");
        }
        LinkedAccount account = em.createNamedQuery(LinkedAccount.BY_USER_AND_PROVIDER, LinkedAccount.class)
                .setParameter("userId", userId).setParameter("provider", provider)
                .getResultStream().findFirst().orElse(null);
        if (account != null && !account.getProviderUserId().equals(identity.userId())) {
            em.remove(account); // the user linked a different account on the same provider: it replaces the old one
            em.flush();
            account = null;
        }
        if (account == null) {
            account = new LinkedAccount(userId, provider, identity.userId(), now);
            em.persist(account);
        }
        account.describe(identity.login(), identity.displayName(), String.join(" ", scopes(tokens)));
        if (keycloakOfflineToken != null) {
            issuedTokens.storeBrokered(account, tokens, keycloakOfflineToken, now);
        } else {
            issuedTokens.store(account, tokens, now);
        }
        if (tokens.slack() != null) {
            installSlack(userId, tokens, now);
        }
        for (AtlassianSite site : sites) {
            rememberJiraSite(site, now);
        }
    }

    private void installSlack(String userId, TokenResponse tokens, Instant now) {
        var slack = tokens.slack();
        SlackInstallation installation = em.find(SlackInstallation.class, slack.teamId());
        if (installation == null) {
            installation = new SlackInstallation(slack.teamId(), now);
            em.persist(installation);
        }
        installation.installed(slack.teamName(), slack.enterpriseId(), slack.botUserId(),
                vault.encrypt(SlackInstallation.botTokenPurpose(slack.teamId()), tokens.accessToken()),
                String.join(",", tokens.scopes()), userId, now);
    }

    private void rememberJiraSite(AtlassianSite site, Instant now) {
        boolean known = em.createQuery("select count(j) from JiraWorkspace j where j.siteUrl = :url", Long.class)
                .setParameter("url", site.url()).getSingleResult() > 0;
        if (!known) {
            em.persist(new JiraWorkspace(site.url(), site.cloudId(), now));
        }
    }

    private ProviderIdentity identity(OAuthProvider provider, TokenResponse tokens) throws OAuthProviderException {
        if (provider == OAuthProvider.SLACK) {
            return ProviderIdentity.slack(tokens);
        }
        URI uri = provider.identityUri(oauth.endpoints()).orElseThrow();
        ProviderHttp.Answer answer = http.get(uri, tokens.accessToken());
        if (answer.status() != 200) {
            throw new AccountLinkingException(502, provider.id() + " did not say who the token belongs to (HTTP "
                    + answer.status() + ")");
        }
        return ProviderIdentity.parse(provider, answer.body());
    }

    private List<AtlassianSite> sites(String accessToken) throws OAuthProviderException {
        ProviderHttp.Answer answer = http.get(oauth.endpoints().atlassianAccessibleResources(), accessToken);
        if (answer.status() != 200) {
            throw new AccountLinkingException(502, "jira did not list the accessible sites (HTTP " + answer.status() + ")");
        }
        return AtlassianSite.parseAccessibleResources(answer.body());
    }

    private static List<String> scopes(TokenResponse tokens) {
        if (tokens.slack() != null && tokens.slack().authedUser() != null) {
            return tokens.slack().authedUser().scopes();
        }
        return tokens.scopes();
    }

    OAuthClient client(OAuthProvider provider) {
        return oauth.client(provider).orElseThrow(() -> new AccountLinkingException(503,
                provider.id() + " account linking is not configured (client id and secret)"));
    }

    URI callbackUri(OAuthProvider provider) {
        return provider.callbackUri(linking.publicUrl());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
