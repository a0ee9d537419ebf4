package dev.switchboard.gitlab.control;

import dev.switchboard.accounts.control.AccessTokens;
import dev.switchboard.accounts.control.AccountLinkingException;
import dev.switchboard.accounts.control.LinkedAccounts;
import dev.switchboard.accounts.control.OAuthProvider;
import dev.switchboard.accounts.control.RelinkRequiredException;
import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.gitlab.entity.GitLabHookInstallation;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.ResourceType;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.Status;
import dev.switchboard.json.Jsons;
import dev.switchboard.ratelimits.control.RateLimitedException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The periodic re-check of the hooks Switchboard installed, with the installing user's GitLab token: a hook
 * that is gone is installed again through {@link GitLabHookInstaller} (new secret) or marked INVALID when the
 * user lost the resource or the access; a hook GitLab disabled gets a test delivery, which re-enables it, else
 * it is DISABLED with GitLab's answer; RATE_LIMITED and PENDING records are tried again.
 * <p>
 * Safe on several nodes: a record is claimed by a conditional update of last_checked_at before it is checked,
 * which only one node's update matches. No transaction is open while GitLab is called.
 */
@Stateless
public class GitLabHookUpkeep {

    private static final Logger LOG = Logger.getLogger(GitLabHookUpkeep.class.getName());

    /** INVALID is left to the user's next sync: the resource or the user's access is gone, nothing to re-check. */
    static final List<Status> RECHECKED = List.of(Status.VERIFIED, Status.RATE_LIMITED, Status.PENDING, Status.DISABLED);

    /** Bounds one round; whatever is left is due in the next. */
    private static final int MAX_PER_ROUND = 500;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    AccessTokens accessTokens;

    @Inject
    LinkedAccounts linkedAccounts;

    @Inject
    PlatformClients clients;

    @Inject
    GitLabHookInstaller installer;

    @Resource
    SessionContext context;

    /** The record as claimed, so that no entity is held while GitLab is asked. */
    public record Claimed(String id, String userId, ResourceType type, long resourceId, String path, Long hookId) {
    }

    /**
     * One round: every record due is claimed and checked. Due means not checked for half the interval, so a
     * record checked late in the last round is due again, while a node whose round starts shortly after
     * another's finds that node's records fresh. Returns how many records this node checked.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int recheckDue(Duration interval) {
        GitLabHookUpkeep self = context.getBusinessObject(GitLabHookUpkeep.class);
        Instant cutoff = Instant.now().minus(interval.dividedBy(2));
        Set<String> rateLimitedUsers = new HashSet<>();
        int checked = 0;
        for (String id : self.due(cutoff)) {
            Optional<Claimed> claimed = self.claim(id, cutoff);
            // GitLab limits per user: that user's other hooks wait for the next round, the others go on
            if (claimed.isEmpty() || rateLimitedUsers.contains(claimed.get().userId())) {
                continue;
            }
            checked++;
            if (check(claimed.get()) == Status.RATE_LIMITED) {
                rateLimitedUsers.add(claimed.get().userId());
            }
        }
        return checked;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> due(Instant cutoff) {
        return em.createNamedQuery(GitLabHookInstallation.DUE, String.class)
                .setParameter("statuses", RECHECKED).setParameter("cutoff", cutoff)
                .setMaxResults(MAX_PER_ROUND).getResultList();
    }

    /** The record, if this call is the one that moved its last_checked_at past the cutoff. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claimed> claim(String id, Instant cutoff) {
        int updated = em.createNamedQuery(GitLabHookInstallation.CLAIM)
                .setParameter("id", id).setParameter("cutoff", cutoff).setParameter("now", Instant.now())
                .executeUpdate();
        if (updated != 1) {
            return Optional.empty();
        }
        GitLabHookInstallation row = em.find(GitLabHookInstallation.class, id);
        return Optional.of(new Claimed(row.getId(), row.getUserId(), row.getResourceType(), row.getResourceId(),
                row.getResourcePath(), row.getHookId()));
    }

    /** Checks one claimed record and stores the outcome; returns its status. */
    private Status check(Claimed hook) {
        GitLabHookUpkeep self = context.getBusinessObject(GitLabHookUpkeep.class);
        Optional<LinkedAccount> account = linkedAccounts.of(hook.userId(), OAuthProvider.GITLAB.id());
        if (account.isEmpty()) {
            return self.record(hook, new GitLabHookPlan.Verdict(Status.INVALID,
                    "the user who installed it no longer has a linked GitLab account", null));
        }
        String auth;
        try {
            auth = "Bearer " + accessTokens.current(hook.userId(), OAuthProvider.GITLAB);
        } catch (RelinkRequiredException e) {
            return self.note(hook, "not checked: the installing user's GitLab account must be linked again");
        } catch (AccountLinkingException e) {
            return self.note(hook, "not checked: " + e.getMessage());
        }
        try {
            if (hook.hookId() == null) {
                return reinstall(hook, account.get(), auth);
            }
            GitLabHookHealth.Check check = inspect(hook, auth);
            switch (check.action()) {
                case KEEP:
                    return self.record(hook, new GitLabHookPlan.Verdict(Status.VERIFIED, check.reason(), null));
                case REINSTALL:
                    return reinstall(hook, account.get(), auth);
                case REENABLE:
                    return reenable(hook, auth, check);
                case LOST_ACCESS:
                    return self.record(hook, GitLabHookPlan.accessNeeded(hook.type()));
                case RATE_LIMITED:
                    return notCheckedForNow(hook, check.reason());
                default:
                    return self.note(hook, check.reason());
            }
        } catch (RateLimitedException e) {
            return hook.hookId() == null ? self.record(hook, GitLabHookPlan.rateLimited())
                    : notCheckedForNow(hook, e.getMessage());
        } catch (ProcessingException e) {
            return self.note(hook, "not checked: GitLab could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * GitLab asked for a pause: an installed hook keeps the status it had (a limit says nothing about the
     * hook), the reason says it was not checked, and the user's other hooks wait for the next round.
     */
    private Status notCheckedForNow(Claimed hook, String why) {
        context.getBusinessObject(GitLabHookUpkeep.class).note(hook, "not checked: " + why);
        return Status.RATE_LIMITED;
    }

    private GitLabHookHealth.Check inspect(Claimed hook, String auth) {
        GitLabApi api = clients.gitLab();
        try (Response found = hook.type() == ResourceType.PROJECT
                ? api.projectHook(auth, null, hook.resourceId(), hook.hookId())
                : api.groupHook(auth, null, hook.resourceId(), hook.hookId())) {
            JsonObject json = found.getStatus() == 200 ? found.readEntity(JsonObject.class) : null;
            return GitLabHookHealth.of(hook.type(), found.getStatus(), json, Instant.now());
        }
    }

    private Status reinstall(Claimed hook, LinkedAccount account, String auth) {
        GitLabHookInstaller.Result result = installer.install(hook.userId(), Long.parseLong(account.getProviderUserId()),
                hook.type(), hook.resourceId(), hook.path(), auth, installer.intakeUrl());
        LOG.info(() -> "GitLab hook of " + hook.type().name().toLowerCase() + " " + hook.resourceId()
                + " was gone: " + result.status() + " (" + result.reason() + ")");
        return result.status();
    }

    private Status reenable(Claimed hook, String auth, GitLabHookHealth.Check disabled) {
        GitLabApi api = clients.gitLab();
        try (Response test = hook.type() == ResourceType.PROJECT
                ? api.testProjectHook(auth, null, hook.resourceId(), hook.hookId(), GitLabHookHealth.TEST_TRIGGER)
                : api.testGroupHook(auth, null, hook.resourceId(), hook.hookId(), GitLabHookHealth.TEST_TRIGGER)) {
            String message = test.getStatus() / 100 == 2 ? null : message(test);
            GitLabHookPlan.Verdict verdict = GitLabHookHealth.afterTest(test.getStatus(), message, disabled);
            LOG.info(() -> "GitLab had disabled hook " + hook.hookId() + " of " + hook.type().name().toLowerCase() + " "
                    + hook.resourceId() + ": " + verdict.status());
            return context.getBusinessObject(GitLabHookUpkeep.class).record(hook, verdict);
        }
    }

    /** Stores the outcome on the record, unless it was removed meanwhile (its user unlinked GitLab). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Status record(Claimed hook, GitLabHookPlan.Verdict verdict) {
        GitLabHookInstallation row = em.find(GitLabHookInstallation.class, hook.id());
        if (row != null) {
            row.checked(verdict.status(), verdict.reason(), Instant.now());
        }
        return verdict.status();
    }

    /** The check said nothing about the hook: its status stays, the reason says why. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Status note(Claimed hook, String reason) {
        GitLabHookInstallation row = em.find(GitLabHookInstallation.class, hook.id());
        if (row == null) {
            return null;
        }
        row.checked(row.getStatus(), reason, Instant.now());
        return row.getStatus();
    }

    private static String message(Response response) {
        String body = response.readEntity(String.class);
        try {
            String message = GitLabHookHealth.message(Jsons.createReader(new StringReader(body)).readObject());
            return message != null ? message : body;
        } catch (JsonException | IllegalStateException e) {
            return body;
        }
    }
}
