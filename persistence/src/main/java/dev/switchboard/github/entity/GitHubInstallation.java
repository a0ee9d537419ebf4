package dev.switchboard.github.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A GitHub App installation (an account that installed the app) and its cached installation access
 * token, encrypted, valid until shortly before GitHub's expiry.
 */
@Entity
@Table(name = "github_installation")
public class GitHubInstallation {

    @Id
    @Column(name = "installation_id")
    private long installationId;

    @Column(name = "account_login")
    private String accountLogin;

    @Column(name = "account_type")
    private String accountType;

    @Column(name = "repository_selection")
    private String repositorySelection;

    @Column(name = "access_token")
    private String accessToken;

    @Column(name = "access_token_expires_at")
    private Instant accessTokenExpiresAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected GitHubInstallation() {
    }

    public GitHubInstallation(long installationId, Instant now) {
        this.installationId = installationId;
        this.updatedAt = now;
    }

    public String accessTokenPurpose() {
        return "github_installation:" + installationId + ":access_token";
    }

    public void describe(String accountLogin, String accountType, String repositorySelection, Instant now) {
        this.accountLogin = accountLogin;
        this.accountType = accountType;
        this.repositorySelection = repositorySelection;
        this.updatedAt = now;
    }

    /** The cached token, if it stays valid for at least {@code margin}. */
    public boolean hasTokenValidFor(Duration margin, Instant now) {
        return accessToken != null && accessTokenExpiresAt != null
                && now.plus(margin).isBefore(accessTokenExpiresAt);
    }

    public void tokenMinted(String encryptedToken, Instant expiresAt, Instant now) {
        this.accessToken = encryptedToken;
        this.accessTokenExpiresAt = expiresAt;
        this.updatedAt = now;
    }

    public void reencrypted(String encryptedToken) {
        this.accessToken = encryptedToken;
    }

    public long getInstallationId() { return installationId; }
    public String getAccountLogin() { return accountLogin; }
    public String getAccountType() { return accountType; }
    public String getRepositorySelection() { return repositorySelection; }
    public String getAccessToken() { return accessToken; }
    public Instant getAccessTokenExpiresAt() { return accessTokenExpiresAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
