package dev.switchboard.ratelimits.entity;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A rate limit a platform stated, in force until {@link #getUntil()}: shared through the database so that
 * every node holds back, not only the one that was refused.
 */
@Entity
@Table(name = "platform_limits")
@NamedQuery(name = PlatformLimit.IN_FORCE, query = "select l from PlatformLimit l where l.until > :now")
public class PlatformLimit {

    public static final String IN_FORCE = "PlatformLimit.inForce";
    /** The scope key of a limit on every call to the platform. */
    public static final String GLOBAL = "*";

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private Platform platform;

    @Column(name = "scope_key")
    private String scopeKey;

    @Column(name = "until_at")
    private Instant until;

    private String reason;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PlatformLimit() {
    }

    public PlatformLimit(Platform platform, String scopeKey, Instant until, String reason, Instant now) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.scopeKey = Objects.requireNonNull(scopeKey, "scopeKey");
        this.id = idOf(platform, scopeKey);
        this.until = Objects.requireNonNull(until, "until");
        this.reason = clip(reason);
        this.updatedAt = now;
    }

    public static String idOf(Platform platform, String scopeKey) {
        return platform.id() + ":" + scopeKey;
    }

    /** Moves the end of the limit; a later statement of a shorter wait is taken as it is (the platform knows best). */
    public void restate(Instant until, String reason, Instant now) {
        this.until = Objects.requireNonNull(until, "until");
        this.reason = clip(reason);
        this.updatedAt = now;
    }

    private static String clip(String reason) {
        return reason == null ? "" : reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    public String getId() { return id; }
    public Platform getPlatform() { return platform; }
    public String getScopeKey() { return scopeKey; }
    public Instant getUntil() { return until; }
    public String getReason() { return reason; }
    public Instant getUpdatedAt() { return updatedAt; }
}
