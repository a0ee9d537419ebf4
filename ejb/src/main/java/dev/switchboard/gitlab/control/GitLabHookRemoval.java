package dev.switchboard.gitlab.control;

import dev.switchboard.accounts.control.AccessTokens;
import dev.switchboard.accounts.control.AccountLinkingException;
import dev.switchboard.accounts.control.LinkedResources;
import dev.switchboard.accounts.control.OAuthProvider;
import dev.switchboard.accounts.control.RelinkRequiredException;
import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.gitlab.entity.GitLabHookInstallation;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.ResourceType;
import dev.switchboard.ratelimits.control.RateLimitedException;
import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * When a user unlinks GitLab, the hooks Switchboard installed with their account are deleted at GitLab (while
 * the token still works: before it is revoked) and their records here. A hook GitLab does not delete is
 * reported and logged, and its record deleted all the same: the user's unlinking is not held up by GitLab.
 */
@Stateless
@LocalBean // besides the interface: the bean calls itself for its REQUIRES_NEW step
@Local(LinkedResources.class) // with a no-interface view the interface is a bean type only when declared
public class GitLabHookRemoval implements LinkedResources {

    private static final Logger LOG = Logger.getLogger(GitLabHookRemoval.class.getName());

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    AccessTokens accessTokens;

    @Inject
    PlatformClients clients;

    @Resource
    SessionContext context;

    @Override
    public OAuthProvider provider() {
        return OAuthProvider.GITLAB;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Released release(String userId) {
        GitLabHookRemoval self = context.getBusinessObject(GitLabHookRemoval.class);
        List<GitLabHookInstallation> hooks = em.createNamedQuery(GitLabHookInstallation.BY_USER, GitLabHookInstallation.class)
                .setParameter("userId", userId).getResultList();
        // only a hook installed at GitLab needs the token (and a refresh it may cause)
        Authorization auth = hooks.stream().anyMatch(hook -> hook.getHookId() != null) ? authorization(userId) : null;
        int removed = 0;
        List<String> left = new ArrayList<>();
        for (GitLabHookInstallation hook : hooks) {
            if (hook.getHookId() != null) {
                Optional<String> failure = auth.problem().or(() -> delete(hook, auth.header()));
                if (failure.isEmpty()) {
                    removed++;
                } else {
                    String what = describe(hook) + ": " + failure.get();
                    left.add(what);
                    LOG.warning(() -> "GitLab hook left in place while unlinking user " + userId + ": " + what);
                }
            }
            self.forget(hook.getId());
        }
        return new Released("webhooks", removed, left);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forget(String recordId) {
        GitLabHookInstallation row = em.find(GitLabHookInstallation.class, recordId);
        if (row != null) {
            em.remove(row);
        }
    }

    /** The header to call GitLab with, or why there is none. */
    private record Authorization(String header, Optional<String> problem) {
    }

    private Authorization authorization(String userId) {
        try {
            return new Authorization("Bearer " + accessTokens.current(userId, OAuthProvider.GITLAB), Optional.empty());
        } catch (RelinkRequiredException e) {
            return new Authorization(null, Optional.of("GitLab no longer accepts the account's token"));
        } catch (AccountLinkingException e) {
            return new Authorization(null, Optional.of(e.getMessage()));
        }
    }

    /** Empty when the hook is gone at GitLab (deleted now, or before). */
    private Optional<String> delete(GitLabHookInstallation hook, String auth) {
        GitLabApi api = clients.gitLab();
        try (Response deleted = hook.getResourceType() == ResourceType.PROJECT
                ? api.deleteProjectHook(auth, null, hook.getResourceId(), hook.getHookId())
                : api.deleteGroupHook(auth, null, hook.getResourceId(), hook.getHookId())) {
            int status = deleted.getStatus();
            if (status / 100 == 2 || status == 404) {
                return Optional.empty();
            }
            return Optional.of(status == 429 ? "GitLab's rate limit" : "GitLab answered HTTP " + status);
        } catch (RateLimitedException e) {
            return Optional.of("GitLab's rate limit");
        } catch (ProcessingException e) {
            return Optional.of("GitLab could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String describe(GitLabHookInstallation hook) {
        String resource = hook.getResourcePath() != null ? hook.getResourcePath()
                : hook.getResourceType().name().toLowerCase() + " " + hook.getResourceId();
        return resource + " (hook " + hook.getHookId() + ")";
    }
}
