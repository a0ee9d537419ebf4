package dev.switchboard.jira.control;

import java.util.Objects;

/**
 * A Jira site as Switchboard's service account reaches it: the governed client on the site's base, the
 * {@code Authorization} value, and whether it is Cloud (comments in ADF through API v3) or Data Center (wiki
 * markup through v2). Never printed with its credential.
 *
 * @param workspaceId the {@code jira_workspace} row; null for team mode's JIRA_* settings
 */
public record JiraConnection(String workspaceId, String site, JiraSiteKind kind, JiraApi api, String authorization) {

    public JiraConnection {
        Objects.requireNonNull(site);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(api);
        Objects.requireNonNull(authorization);
    }

    @Override
    public String toString() {
        return "JiraConnection[" + site + ", " + kind.id() + (workspaceId == null ? ", team mode" : ", " + workspaceId)
                + "]";
    }
}
