package dev.switchboard.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A person as the OpenID Connect provider knows them: identified by issuer and subject, created on first sight. */
@Entity
@Table(name = "sb_user")
@NamedQuery(name = SwitchboardUser.BY_SUBJECT,
        query = "select u from SwitchboardUser u where u.issuer = :issuer and u.subject = :subject")
public class SwitchboardUser {

    public static final String BY_SUBJECT = "SwitchboardUser.bySubject";

    @Id
    private String id;

    private String issuer;

    private String subject;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected SwitchboardUser() {
    }

    public SwitchboardUser(String issuer, String subject, String displayName, String email, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.issuer = Objects.requireNonNull(issuer);
        this.subject = Objects.requireNonNull(subject);
        this.displayName = displayName;
        this.email = email;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    /** The provider's latest view of the person, taken on every sign-in. */
    public void seen(String displayName, String email, Instant now) {
        if (displayName != null) {
            this.displayName = displayName;
        }
        if (email != null) {
            this.email = email;
        }
        this.lastSeenAt = now;
    }

    public String getId() { return id; }
    public String getIssuer() { return issuer; }
    public String getSubject() { return subject; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }
}
