package dev.switchboard.jira.control;

import dev.switchboard.clients.control.ClientBaseUrls;
import dev.switchboard.clients.control.ClientPlatform;
import dev.switchboard.clients.control.PlatformClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Jira clients, one per site base: Cloud sites through the API gateway ({@code JIRA_URL/ex/jira/{cloudId}},
 * {@code jira.url} default {@code https://api.atlassian.com}) and Data Center sites on their own URL. A REST
 * Client cannot take its base as a path parameter, so each base gets its own client, built once and cached
 * by {@link PlatformClients} (with {@code jira.client.*.timeout.ms}).
 */
@ApplicationScoped
public class JiraClients {

    @Inject
    PlatformClients clients;

    public JiraApi cloud(String cloudId) {
        return forBase(ClientBaseUrls.from(ConfigProvider.getConfig()).jiraCloud(cloudId));
    }

    public JiraApi dataCenter(String siteUrl) {
        return forBase(ClientBaseUrls.jiraDataCenter(siteUrl));
    }

    public JiraApi forBase(URI base) {
        return clients.client(JiraApi.class, ClientPlatform.JIRA, base);
    }
}
