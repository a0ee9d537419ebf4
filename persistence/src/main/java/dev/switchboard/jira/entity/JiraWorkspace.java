package dev.switchboard.jira.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A Jira site Switchboard serves: Cloud (with its cloud id) or Data Center, its webhook secret and the
 * service account whose comments are Switchboard's own. Secrets are encrypted by the token vault.
 */
@Entity
@Table(name = "jira_workspace")
public class JiraWorkspace {

    @Id
    private String id;

    @Column(name = "site_url")
    private String siteUrl;

    @Column(name = "cloud_id")
    private String cloudId;

    @Column(name = "webhook_secret")
    private String webhookSecret;

    @Column(name = "service_account_email")
    private String serviceAccountEmail;

    @Column(name = "service_account_token")
    private String serviceAccountToken;

    @Column(name = "created_at")
    private Instant createdAt;

    protected JiraWorkspace() {
    }

    public JiraWorkspace(String siteUrl, String cloudId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.siteUrl = Objects.requireNonNull(siteUrl);
        this.cloudId = cloudId;
        this.createdAt = now;
    }

    public String webhookSecretPurpose() {
        return "jira_workspace:" + id + ":webhook_secret";
    }

    public String serviceAccountTokenPurpose() {
        return "jira_workspace:" + id + ":service_account_token";
    }

    public void secrets(String encryptedWebhookSecret, String serviceAccountEmail, String encryptedServiceAccountToken) {
        this.webhookSecret = encryptedWebhookSecret;
        this.serviceAccountEmail = serviceAccountEmail;
        this.serviceAccountToken = encryptedServiceAccountToken;
    }

    /** Sets or replaces the service account; the webhook secret stays. */
    public void serviceAccount(String serviceAccountEmail, String encryptedServiceAccountToken) {
        this.serviceAccountEmail = serviceAccountEmail;
        this.serviceAccountToken = encryptedServiceAccountToken;
    }

    public String getId() { return id; }
    public String getSiteUrl() { return siteUrl; }
    public String getCloudId() { return cloudId; }
    public String getWebhookSecret() { return webhookSecret; }
    public String getServiceAccountEmail() { return serviceAccountEmail; }
    public String getServiceAccountToken() { return serviceAccountToken; }
    public Instant getCreatedAt() { return createdAt; }
}
