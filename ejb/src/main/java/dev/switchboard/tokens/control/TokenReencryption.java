package dev.switchboard.tokens.control;

import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.accounts.entity.OAuthState;
import dev.switchboard.github.entity.GitHubInstallation;
import dev.switchboard.gitlab.entity.GitLabHookInstallation;
import dev.switchboard.jira.entity.JiraWorkspace;
import dev.switchboard.slack.entity.SlackInstallation;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Key rotation's second half: every stored secret re-encrypted under the newest key. One row per short
 * transaction, under the row's lock, skipping rows already done — so it can run while Switchboard
 * serves, and an interrupted run simply resumes when started again.
 */
@Stateless
public class TokenReencryption {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    TokenVault vault;

    @Resource
    SessionContext context;

    public record Result(String keyId, int rowsChecked, int rowsReencrypted) {
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Result reencryptAll() {
        // each row through the container, so each gets its own transaction
        TokenReencryption self = context.getBusinessObject(TokenReencryption.class);
        int checked = 0;
        int changed = 0;
        for (String id : ids("select a.id from LinkedAccount a")) {
            checked++;
            changed += self.linkedAccount(id) ? 1 : 0;
        }
        for (String id : ids("select s.teamId from SlackInstallation s")) {
            checked++;
            changed += self.slackInstallation(id) ? 1 : 0;
        }
        for (Long id : em.createQuery("select g.installationId from GitHubInstallation g", Long.class).getResultList()) {
            checked++;
            changed += self.githubInstallation(id) ? 1 : 0;
        }
        for (String id : ids("select j.id from JiraWorkspace j")) {
            checked++;
            changed += self.jiraWorkspace(id) ? 1 : 0;
        }
        for (String id : ids("select h.id from GitLabHookInstallation h")) {
            checked++;
            changed += self.gitlabHook(id) ? 1 : 0;
        }
        for (String id : ids("select o.stateHash from OAuthState o where o.usedAt is null")) {
            checked++;
            changed += self.oauthState(id) ? 1 : 0;
        }
        return new Result(vault.newestKeyId(), checked, changed);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean linkedAccount(String id) {
        LinkedAccount a = em.find(LinkedAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !(vault.needsReencryption(a.getAccessToken()) || vault.needsReencryption(a.getRefreshToken()))) {
            return false;
        }
        a.reencrypted(vault.reencrypt(a.accessTokenPurpose(), a.getAccessToken()),
                vault.reencrypt(a.refreshTokenPurpose(), a.getRefreshToken()));
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean slackInstallation(String teamId) {
        SlackInstallation s = em.find(SlackInstallation.class, teamId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !vault.needsReencryption(s.getBotToken())) {
            return false;
        }
        s.reencrypted(vault.reencrypt(SlackInstallation.botTokenPurpose(teamId), s.getBotToken()));
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean githubInstallation(long installationId) {
        GitHubInstallation g = em.find(GitHubInstallation.class, installationId, LockModeType.PESSIMISTIC_WRITE);
        if (g == null || !vault.needsReencryption(g.getAccessToken())) {
            return false;
        }
        g.reencrypted(vault.reencrypt(g.accessTokenPurpose(), g.getAccessToken()));
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean jiraWorkspace(String id) {
        JiraWorkspace j = em.find(JiraWorkspace.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (j == null || !(vault.needsReencryption(j.getWebhookSecret())
                || vault.needsReencryption(j.getServiceAccountToken()))) {
            return false;
        }
        j.secrets(vault.reencrypt(j.webhookSecretPurpose(), j.getWebhookSecret()), j.getServiceAccountEmail(),
                vault.reencrypt(j.serviceAccountTokenPurpose(), j.getServiceAccountToken()));
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean gitlabHook(String id) {
        GitLabHookInstallation h = em.find(GitLabHookInstallation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (h == null || !vault.needsReencryption(h.getSecret())) {
            return false;
        }
        h.secret(vault.reencrypt(h.secretPurpose(), h.getSecret()));
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean oauthState(String stateHash) {
        OAuthState o = em.find(OAuthState.class, stateHash, LockModeType.PESSIMISTIC_WRITE);
        if (o == null || !vault.needsReencryption(o.getCodeVerifier())) {
            return false;
        }
        o.reencryptedVerifier(vault.reencrypt(o.codeVerifierPurpose(), o.getCodeVerifier()));
        return true;
    }

    private List<String> ids(String jpql) {
        return em.createQuery(jpql, String.class).getResultList();
    }
}
