package dev.switchboard.gitlab.control;

import dev.switchboard.accounts.control.AccessTokens;
import dev.switchboard.accounts.control.AccountLinkingException;
import dev.switchboard.accounts.control.LinkedAccounts;
import dev.switchboard.accounts.control.LinkingSettings;
import dev.switchboard.accounts.control.OAuthProvider;
import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.gitlab.entity.GitLabHookInstallation;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.ResourceType;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.Status;
import dev.switchboard.ratelimits.control.RateLimitedException;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * Installs Switchboard's webhook on every GitLab project the linked user maintains and every group they
 * own (the seed's flowchart, {@link GitLabHookPlan}), each with its own secret, and records the outcome
 * per resource: VERIFIED, INVALID (with why), or RATE_LIMITED (tried again at the next sync). No
 * transaction is open while GitLab is called.
 */
@Stateless
public class GitLabHookInstaller {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_PAGES = 20;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    AccessTokens accessTokens;

    @Inject
    LinkedAccounts linkedAccounts;

    @Inject
    PlatformClients clients;

    @Inject
    TokenVault vault;

    @Inject
    LinkingSettings linking;

    @Resource
    SessionContext context;

    /** Where a resource's flow ended. */
    public record Result(ResourceType type, long resourceId, String path, Status status, String reason, Long hookId) {
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Sync sync(String userId) {
        GitLabHookInstaller self = context.getBusinessObject(GitLabHookInstaller.class);
        LinkedAccount account = linkedAccounts.of(userId, OAuthProvider.GITLAB.id())
                .orElseThrow(() -> new AccountLinkingException(404, "no linked gitlab account"));
        String auth = "Bearer " + accessTokens.current(userId, OAuthProvider.GITLAB);
        long gitlabUserId = Long.parseLong(account.getProviderUserId());
        String intakeUrl = intakeUrl();
        GitLabApi api = clients.gitLab();
        List<Result> results = new ArrayList<>();
        for (JsonObject project : all(page -> api.projects(auth, null, true, GitLabHookPlan.MAINTAINER, 100, page))) {
            results.add(self.install(userId, gitlabUserId, ResourceType.PROJECT, project.getJsonNumber("id").longValue(),
                    project.getString("path_with_namespace", null), auth, intakeUrl));
        }
        List<JsonObject> groups;
        try {
            groups = all(page -> api.groups(auth, null, GitLabHookPlan.OWNER, 100, page));
        } catch (RateLimitedException e) {
            // GitLab asked for a pause while the projects were done: report them, and what is left
            return new Sync(results, "groups not checked: " + e.getMessage());
        }
        for (JsonObject group : groups) {
            results.add(self.install(userId, gitlabUserId, ResourceType.GROUP, group.getJsonNumber("id").longValue(),
                    group.getString("full_path", null), auth, intakeUrl));
        }
        return new Sync(results, null);
    }

    /** The outcome per resource, and why the sync stopped early, if it did (null when it went through). */
    public record Sync(List<Result> hooks, String incomplete) {
    }

    /** Where the hooks deliver: Switchboard's public address + the GitLab intake path. */
    public String intakeUrl() {
        return linking.publicUrl().replaceAll("/+$", "") + "/api/webhooks/gitlab";
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Result install(String userId, long gitlabUserId, ResourceType type, long id, String path, String auth,
                          String intakeUrl) {
        GitLabHookInstaller self = context.getBusinessObject(GitLabHookInstaller.class);
        GitLabApi api = clients.gitLab();
        boolean project = type == ResourceType.PROJECT;
        try {
            int found = status(project ? api.project(auth, null, id) : api.group(auth, null, id));
            Optional<GitLabHookPlan.Verdict> verdict = GitLabHookPlan.missing(type, found);
            if (verdict.isEmpty()) {
                verdict = GitLabHookPlan.rateLimited(found);
            }
            if (verdict.isEmpty()) {
                try (Response member = project ? api.projectMember(auth, null, id, gitlabUserId)
                        : api.groupMember(auth, null, id, gitlabUserId)) {
                    int level = member.getStatus() == 200 ? json(member).getInt("access_level", 0) : 0;
                    verdict = GitLabHookPlan.rateLimited(member.getStatus())
                            .or(() -> GitLabHookPlan.access(type, member.getStatus(), level));
                }
            }
            if (verdict.isEmpty()) {
                try (Response hooks = project ? api.projectHooks(auth, null, id, 100, 1) : api.groupHooks(auth, null, id, 100, 1)) {
                    verdict = GitLabHookPlan.rateLimited(hooks.getStatus())
                            .or(() -> GitLabHookPlan.existing(hooks.readEntity(JsonArray.class), intakeUrl));
                }
            }
            if (verdict.isPresent()) {
                return self.record(userId, type, id, path, verdict.get(), null);
            }
            String secret = newSecret();
            String recordId = self.prepare(userId, type, id, path, secret).recordId();
            JsonObject hook = GitLabHookPlan.hook(intakeUrl, secret, recordId);
            try (Response created = project ? api.createProjectHook(auth, null, id, hook) : api.createGroupHook(auth, null, id, hook)) {
                GitLabHookPlan.Verdict outcome = created.getStatus() == 201
                        ? new GitLabHookPlan.Verdict(Status.VERIFIED, "installed", json(created).getJsonNumber("id").longValue())
                        : GitLabHookPlan.rateLimited(created.getStatus()).orElse(new GitLabHookPlan.Verdict(Status.INVALID,
                                "GitLab refused the hook (HTTP " + created.getStatus() + ")", null));
                return self.record(userId, type, id, path, outcome, null);
            }
        } catch (ProcessingException e) {
            return self.record(userId, type, id, path, new GitLabHookPlan.Verdict(Status.PENDING,
                    "GitLab could not be reached: " + e.getClass().getSimpleName(), null), null);
        } catch (RateLimitedException e) {
            return self.record(userId, type, id, path, GitLabHookPlan.rateLimited(), null);
        }
    }

    /** Stored for the next step: the record (created once per resource) with the outcome and, when new, a secret. */
    public record Recorded(String recordId, Result result) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Result record(String userId, ResourceType type, long id, String path, GitLabHookPlan.Verdict verdict,
                         String secret) {
        return recordRow(userId, type, id, path, verdict, secret).result();
    }

    /** The record the new hook's custom header will name, with the hook's secret stored (encrypted) first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Recorded prepare(String userId, ResourceType type, long id, String path, String secret) {
        return recordRow(userId, type, id, path, new GitLabHookPlan.Verdict(Status.PENDING, "installing", null), secret);
    }

    private Recorded recordRow(String userId, ResourceType type, long id, String path, GitLabHookPlan.Verdict verdict,
                               String secret) {
        Instant now = Instant.now();
        GitLabHookInstallation row = em.createNamedQuery(GitLabHookInstallation.BY_RESOURCE, GitLabHookInstallation.class)
                .setParameter("type", type).setParameter("resourceId", id)
                .getResultStream().findFirst().orElse(null);
        if (row == null) {
            row = new GitLabHookInstallation(type, id, path, userId, now);
            row.secret(vault.encrypt(row.secretPurpose(), secret != null ? secret : newSecret()));
            em.persist(row);
        } else if (secret != null) {
            row.secret(vault.encrypt(row.secretPurpose(), secret));
        }
        if (verdict.hookId() != null) {
            row.hook(verdict.hookId());
        }
        row.checked(verdict.status(), verdict.reason(), now);
        return new Recorded(row.getId(), new Result(type, id, path, verdict.status(), verdict.reason(), row.getHookId()));
    }

    private static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    private static JsonObject json(Response response) {
        return response.readEntity(JsonObject.class);
    }

    /** Every item of a paginated GitLab list (X-Next-Page), up to a bound. */
    private static List<JsonObject> all(IntFunction<Response> page) {
        List<JsonObject> items = new ArrayList<>();
        int next = 1;
        for (int n = 0; n < MAX_PAGES; n++) {
            try (Response response = page.apply(next)) {
                if (response.getStatus() != 200) {
                    throw new AccountLinkingException(response.getStatus() == 429 ? 503 : 502,
                            "GitLab would not list the user's projects and groups (HTTP " + response.getStatus() + ")");
                }
                for (JsonValue value : response.readEntity(JsonArray.class)) {
                    items.add(value.asJsonObject());
                }
                OptionalInt following = dev.switchboard.gitlab.control.GitLabPagination.nextPageOf(response);
                if (following.isEmpty()) {
                    return items;
                }
                next = following.getAsInt();
            }
        }
        return items;
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
