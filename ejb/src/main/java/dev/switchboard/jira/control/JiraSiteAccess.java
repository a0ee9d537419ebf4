package dev.switchboard.jira.control;

import dev.switchboard.jira.entity.JiraWorkspace;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How Switchboard's service account reaches the site a webhook came from: the workspace registered for that site
 * (admin API; its service account), else team mode's settings (JIRA_CLOUD_ID, JIRA_SERVICE_ACCOUNT_EMAIL,
 * JIRA_API_TOKEN: a Cloud site through the gateway), else nothing. A workspace that only OAuth linking recorded
 * has no service account and falls through to team mode.
 */
@Stateless
public class JiraSiteAccess {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    TokenVault vault;

    @Inject
    JiraClients clients;

    /** @param site the webhook's site, {@code https://acme.atlassian.net} or a Data Center base URL */
    public Optional<JiraConnection> forSite(String site) {
        String normalized = site.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        Optional<JiraWorkspace> workspace = em.createQuery(
                        "select j from JiraWorkspace j where lower(j.siteUrl) = :site", JiraWorkspace.class)
                .setParameter("site", normalized).getResultStream().findFirst();
        if (workspace.isPresent() && hasServiceAccount(workspace.get())) {
            return Optional.of(connect(workspace.get()));
        }
        return teamMode(site);
    }

    /** The connection a job's posts use: its workspace, or team mode when it had none. */
    public JiraConnection forTarget(JiraTarget target) {
        if (target.workspaceId() == null) {
            return teamMode(target.site()).orElseThrow(() -> new IllegalStateException(
                    "team mode's Jira service account (JIRA_CLOUD_ID, JIRA_SERVICE_ACCOUNT_EMAIL, JIRA_API_TOKEN) is"
                            + " no longer configured"));
        }
        JiraWorkspace workspace = em.find(JiraWorkspace.class, target.workspaceId());
        if (workspace == null || !hasServiceAccount(workspace)) {
            throw new IllegalStateException("Jira workspace " + target.workspaceId() + " of " + target.site()
                    + " is gone or has no service account");
        }
        return connect(workspace);
    }

    private JiraConnection connect(JiraWorkspace workspace) {
        JiraSiteKind kind = JiraSiteKind.of(workspace.getCloudId());
        String token = vault.decrypt(workspace.serviceAccountTokenPurpose(), workspace.getServiceAccountToken());
        JiraApi api = kind == JiraSiteKind.CLOUD ? clients.cloud(workspace.getCloudId())
                : clients.dataCenter(workspace.getSiteUrl());
        return new JiraConnection(workspace.getId(), workspace.getSiteUrl(), kind, api,
                kind.authorization(workspace.getServiceAccountEmail(), token));
    }

    private static boolean hasServiceAccount(JiraWorkspace workspace) {
        return workspace.getServiceAccountToken() != null
                && (!JiraSiteKind.of(workspace.getCloudId()).needsEmail() || workspace.getServiceAccountEmail() != null);
    }

    private Optional<JiraConnection> teamMode(String site) {
        Config config = ConfigProvider.getConfig();
        Optional<String> cloudId = setting(config, "jira.cloud.id");
        Optional<String> email = setting(config, "jira.service.account.email");
        Optional<String> token = setting(config, "jira.api.token");
        if (cloudId.isEmpty() || email.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JiraConnection(null, site, JiraSiteKind.CLOUD, clients.cloud(cloudId.get()),
                JiraSiteKind.CLOUD.authorization(email.get(), token.get())));
    }

    private static Optional<String> setting(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }
}
