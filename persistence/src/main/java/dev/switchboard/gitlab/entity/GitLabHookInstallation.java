package dev.switchboard.gitlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A webhook Switchboard installed (or tries to install) on a GitLab project or group, for the linked
 * user who maintains it. Its secret token is generated per hook and stored encrypted; deliveries name
 * the hook in a custom header so intake can check the token against this hook's secret.
 */
@Entity
@Table(name = "gitlab_webhooks")
@NamedQuery(name = GitLabHookInstallation.BY_RESOURCE,
        query = "select h from GitLabHookInstallation h where h.resourceType = :type and h.resourceId = :resourceId")
@NamedQuery(name = GitLabHookInstallation.BY_USER,
        query = "select h from GitLabHookInstallation h where h.userId = :userId order by h.resourcePath")
@NamedQuery(name = GitLabHookInstallation.COUNT_BY_STATUS,
        query = "select h.status, count(h) from GitLabHookInstallation h group by h.status")
@NamedQuery(name = GitLabHookInstallation.DUE,
        query = "select h.id from GitLabHookInstallation h where h.status in :statuses"
                + " and (h.lastCheckedAt is null or h.lastCheckedAt < :cutoff) order by h.lastCheckedAt")
@NamedQuery(name = GitLabHookInstallation.CLAIM,
        query = "update GitLabHookInstallation h set h.lastCheckedAt = :now where h.id = :id"
                + " and (h.lastCheckedAt is null or h.lastCheckedAt < :cutoff)")
@NamedQuery(name = GitLabHookInstallation.COVERING_PROJECT,
        query = "select h from GitLabHookInstallation h where h.status <> :invalid"
                + " and ((h.resourceType = :project and h.resourceId = :projectId)"
                + " or (h.resourceType = :group and h.resourcePath in :groupPaths))")
@NamedQuery(name = GitLabHookInstallation.NEEDING_ATTENTION,
        query = "select h from GitLabHookInstallation h where h.status in :statuses order by h.lastCheckedAt desc")
public class GitLabHookInstallation {

    public static final String BY_RESOURCE = "GitLabHookInstallation.byResource";
    public static final String BY_USER = "GitLabHookInstallation.byUser";
    public static final String COUNT_BY_STATUS = "GitLabHookInstallation.countByStatus";
    /** Ids of rows in the given statuses not checked since the cutoff, least recently checked first. */
    public static final String DUE = "GitLabHookInstallation.due";
    /**
     * Takes a due row for one check: only one node's update matches while last_checked_at is older than the
     * cutoff, so two nodes never check the same hook in the same round (no lock is held while GitLab is asked).
     */
    public static final String CLAIM = "GitLabHookInstallation.claim";
    public static final String NEEDING_ATTENTION = "GitLabHookInstallation.needingAttention";
    /**
     * Hooks that deliver a project's events: its own and its groups' (by path, the project's ancestors), unless
     * INVALID (never installed).
     */
    public static final String COVERING_PROJECT = "GitLabHookInstallation.coveringProject";

    /** The custom header GitLab sends with every delivery of a hook Switchboard installed. */
    public static final String HOOK_HEADER = "X-Switchboard-Hook";

    public enum ResourceType { PROJECT, GROUP }

    public enum Status {
        /** Known, not (yet) installed. */
        PENDING,
        /** Installed and seen on GitLab at the last check. */
        VERIFIED,
        /** GitLab's rate limit stopped the last attempt; it is tried again later. */
        RATE_LIMITED,
        /** Cannot be installed: the resource is gone or the user lacks the access; the reason says which. */
        INVALID,
        /**
         * Installed, but GitLab disabled it after failed deliveries and a test delivery did not re-enable it;
         * the reason says since when and what GitLab answered. Tried again at every re-check.
         */
        DISABLED
    }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "resource_type")
    private ResourceType resourceType;

    @Column(name = "resource_id")
    private long resourceId;

    @Column(name = "resource_path")
    private String resourcePath;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "hook_id")
    private Long hookId;

    private String secret;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_checked_at")
    private Instant lastCheckedAt;

    protected GitLabHookInstallation() {
    }

    public GitLabHookInstallation(ResourceType type, long resourceId, String resourcePath, String userId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.resourceType = Objects.requireNonNull(type);
        this.resourceId = resourceId;
        this.resourcePath = resourcePath;
        this.userId = Objects.requireNonNull(userId);
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    public String secretPurpose() {
        return "gitlab_webhooks:" + id + ":secret";
    }

    public void secret(String encryptedSecret) {
        this.secret = encryptedSecret;
    }

    /** GitLab's id of our hook on the resource, once it is there. */
    public void hook(long gitlabHookId) {
        this.hookId = gitlabHookId;
    }

    public void checked(Status newStatus, String reason, Instant now) {
        this.status = newStatus;
        this.statusReason = reason;
        this.lastCheckedAt = now;
    }

    public String getId() { return id; }
    public ResourceType getResourceType() { return resourceType; }
    public long getResourceId() { return resourceId; }
    public String getResourcePath() { return resourcePath; }
    public String getUserId() { return userId; }
    public Long getHookId() { return hookId; }
    public String getSecret() { return secret; }
    public Status getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastCheckedAt() { return lastCheckedAt; }
}
