package dev.switchboard.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An authorization request in flight: who started it, from which browser, for which provider, with which
 * PKCE verifier (encrypted) and where to go afterwards. Only a hash of the state value is stored, and
 * the row is usable once.
 */
@Entity
@Table(name = "oauth_state")
public class OAuthState {

    public static final Duration LIFETIME = Duration.ofMinutes(10);

    @Id
    @Column(name = "state_hash")
    private String stateHash;

    private String provider;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "browser_hash")
    private String browserHash;

    @Column(name = "code_verifier")
    private String codeVerifier;

    @Column(name = "redirect_to")
    private String redirectTo;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected OAuthState() {
    }

    public OAuthState(String stateHash, String provider, String userId, String browserHash,
                      String encryptedCodeVerifier, String redirectTo, Instant now) {
        this.stateHash = Objects.requireNonNull(stateHash);
        this.provider = Objects.requireNonNull(provider);
        this.userId = Objects.requireNonNull(userId);
        this.browserHash = Objects.requireNonNull(browserHash);
        this.codeVerifier = encryptedCodeVerifier;
        this.redirectTo = redirectTo;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    public String codeVerifierPurpose() {
        return codeVerifierPurpose(stateHash);
    }

    public static String codeVerifierPurpose(String stateHash) {
        return "oauth_state:" + stateHash + ":code_verifier";
    }

    public void reencryptedVerifier(String encryptedCodeVerifier) {
        this.codeVerifier = encryptedCodeVerifier;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public String getStateHash() { return stateHash; }
    public String getProvider() { return provider; }
    public String getUserId() { return userId; }
    public String getBrowserHash() { return browserHash; }
    public String getCodeVerifier() { return codeVerifier; }
    public String getRedirectTo() { return redirectTo; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getUsedAt() { return usedAt; }
}
