package dev.switchboard.slack.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The app installed in one Slack workspace: its bot user and bot token (encrypted by the token vault). */
@Entity
@Table(name = "slack_installation")
public class SlackInstallation {

    @Id
    @Column(name = "team_id")
    private String teamId;

    @Column(name = "team_name")
    private String teamName;

    @Column(name = "enterprise_id")
    private String enterpriseId;

    @Column(name = "bot_user_id")
    private String botUserId;

    @Column(name = "bot_token")
    private String botToken;

    @Column(name = "bot_scopes")
    private String botScopes;

    @Column(name = "installed_by")
    private String installedBy;

    @Column(name = "installed_at")
    private Instant installedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SlackInstallation() {
    }

    public SlackInstallation(String teamId, Instant now) {
        this.teamId = Objects.requireNonNull(teamId);
        this.installedAt = now;
    }

    public static String botTokenPurpose(String teamId) {
        return "slack_installation:" + teamId + ":bot_token";
    }

    /** A (re)installation: Slack hands out a new bot token each time. */
    public void installed(String teamName, String enterpriseId, String botUserId, String encryptedBotToken,
                          String botScopes, String installedByUserId, Instant now) {
        this.teamName = teamName;
        this.enterpriseId = enterpriseId;
        this.botUserId = botUserId;
        this.botToken = encryptedBotToken;
        this.botScopes = botScopes;
        this.installedBy = installedByUserId;
        this.updatedAt = now;
    }

    public void reencrypted(String encryptedBotToken) {
        this.botToken = encryptedBotToken;
    }

    public String getTeamId() { return teamId; }
    public String getTeamName() { return teamName; }
    public String getEnterpriseId() { return enterpriseId; }
    public String getBotUserId() { return botUserId; }
    public String getBotToken() { return botToken; }
    public String getBotScopes() { return botScopes; }
    public String getInstalledBy() { return installedBy; }
    public Instant getInstalledAt() { return installedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
