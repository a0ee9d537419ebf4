package dev.switchboard.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's account on one provider and its OAuth tokens. Token columns hold ciphertext from the token
 * vault (never plaintext); the purpose strings that bind each ciphertext to its column come from
 * {@link #accessTokenPurpose()} and {@link #refreshTokenPurpose()}.
 */
@Entity
@Table(name = "linked_account")
@NamedQuery(name = LinkedAccount.BY_USER,
        query = "select a from LinkedAccount a where a.userId = :userId order by a.provider")
@NamedQuery(name = LinkedAccount.BY_USER_AND_PROVIDER,
        query = "select a from LinkedAccount a where a.userId = :userId and a.provider = :provider")
@NamedQuery(name = LinkedAccount.BY_PROVIDER_USER,
        query = "select a from LinkedAccount a where a.provider = :provider and a.providerUserId = :providerUserId")
@NamedQuery(name = LinkedAccount.ALL_IDS, query = "select a.id from LinkedAccount a order by a.id")
public class LinkedAccount {

    public static final String BY_USER = "LinkedAccount.byUser";
    public static final String BY_USER_AND_PROVIDER = "LinkedAccount.byUserAndProvider";
    public static final String BY_PROVIDER_USER = "LinkedAccount.byProviderUser";
    public static final String ALL_IDS = "LinkedAccount.allIds";

    @Id
    private String id;

    @Column(name = "user_id")
    private String userId;

    private String provider;

    @Column(name = "provider_user_id")
    private String providerUserId;

    private String login;

    @Column(name = "display_name")
    private String displayName;

    private String scopes;

    @Column(name = "access_token")
    private String accessToken;

    @Column(name = "access_token_expires_at")
    private Instant accessTokenExpiresAt;

    @Column(name = "refresh_token")
    private String refreshToken;

    @Column(name = "refresh_token_expires_at")
    private Instant refreshTokenExpiresAt;

    @Enumerated(EnumType.STRING)
    private LinkStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "linked_at")
    private Instant linkedAt;

    @Column(name = "refreshed_at")
    private Instant refreshedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "token_source")
    private TokenSource tokenSource;

    @Version
    private int version;

    protected LinkedAccount() {
    }

    public LinkedAccount(String userId, String provider, String providerUserId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.userId = Objects.requireNonNull(userId);
        this.provider = Objects.requireNonNull(provider);
        this.providerUserId = Objects.requireNonNull(providerUserId);
        this.status = LinkStatus.ACTIVE;
        this.tokenSource = TokenSource.PROVIDER;
        this.linkedAt = now;
    }

    /** Tokens come through Keycloak's broker: {@link #getRefreshToken()} is then a Keycloak offline token. */
    public void brokeredBy(TokenSource source) {
        this.tokenSource = source;
    }

    public String accessTokenPurpose() {
        return "linked_account:" + id + ":access_token";
    }

    public String refreshTokenPurpose() {
        return "linked_account:" + id + ":refresh_token";
    }

    /** Who the account is on the provider; refreshed at every link. */
    public void describe(String login, String displayName, String scopes) {
        this.login = login;
        this.displayName = displayName;
        this.scopes = scopes;
    }

    /**
     * New tokens from a code exchange or a refresh (already encrypted). A provider that does not rotate
     * refresh tokens sends none on refresh: the old one is kept.
     */
    public void tokensIssued(String encryptedAccessToken, Instant accessExpiresAt, String encryptedRefreshToken,
                             Instant refreshExpiresAt, Instant now) {
        this.accessToken = Objects.requireNonNull(encryptedAccessToken);
        this.accessTokenExpiresAt = accessExpiresAt;
        if (encryptedRefreshToken != null) {
            this.refreshToken = encryptedRefreshToken;
            this.refreshTokenExpiresAt = refreshExpiresAt;
        }
        this.status = LinkStatus.ACTIVE;
        this.statusReason = null;
        this.refreshedAt = now;
    }

    /**
     * Whether the access token should be refreshed now: within {@code margin} of its expiry, the margin
     * capped at half the token's lifetime (so a short-lived token is not refreshed on every use).
     */
    public boolean accessTokenDue(Duration margin, Instant now) {
        if (accessTokenExpiresAt == null) {
            return false;
        }
        Instant issued = refreshedAt != null ? refreshedAt : linkedAt;
        Duration lifetime = Duration.between(issued, accessTokenExpiresAt);
        Duration effective = lifetime.isNegative() || margin.compareTo(lifetime.dividedBy(2)) <= 0
                ? margin : lifetime.dividedBy(2);
        return !now.isBefore(accessTokenExpiresAt.minus(effective));
    }

    public boolean canRefresh() {
        return refreshToken != null && status == LinkStatus.ACTIVE;
    }

    /** The provider refused the refresh token: keep everything, ask the user to link again. */
    public void needsRelink(String reason, Instant now) {
        this.status = LinkStatus.NEEDS_RELINK;
        this.statusReason = reason;
        this.refreshedAt = now;
    }

    /** Key rotation: the same tokens under the newest key. */
    public void reencrypted(String encryptedAccessToken, String encryptedRefreshToken) {
        this.accessToken = encryptedAccessToken;
        this.refreshToken = encryptedRefreshToken;
    }

    public String getId() { return id; }
    public String getUserId() { return userId; }
    public String getProvider() { return provider; }
    public String getProviderUserId() { return providerUserId; }
    public String getLogin() { return login; }
    public String getDisplayName() { return displayName; }
    public String getScopes() { return scopes; }
    public String getAccessToken() { return accessToken; }
    public Instant getAccessTokenExpiresAt() { return accessTokenExpiresAt; }
    public String getRefreshToken() { return refreshToken; }
    public Instant getRefreshTokenExpiresAt() { return refreshTokenExpiresAt; }
    public LinkStatus getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public Instant getLinkedAt() { return linkedAt; }
    public Instant getRefreshedAt() { return refreshedAt; }
    public TokenSource getTokenSource() { return tokenSource; }
}
