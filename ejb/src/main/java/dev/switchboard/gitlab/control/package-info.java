/**
 * GitLab: the typed webhook events (notes, label changes) Switchboard acts on, how they are read from
 * stored deliveries, and which of them ask the agent for a job. Outbound calls go through
 * {@link dev.switchboard.gitlab.control.GitLabApi}, paginated by {@code X-Next-Page}.
 * <p>
 * Hooks: {@link dev.switchboard.gitlab.control.GitLabHookInstaller} installs Switchboard's hook per project and
 * group (the seed's flowchart, {@link dev.switchboard.gitlab.control.GitLabHookPlan}), each with its own secret;
 * {@link dev.switchboard.gitlab.control.GitLabHookUpkeep} re-checks them on a timer and reinstalls or re-enables
 * them ({@link dev.switchboard.gitlab.control.GitLabHookHealth}); {@link dev.switchboard.gitlab.control.GitLabHookRemoval}
 * deletes them when the user unlinks GitLab. Every step that calls GitLab runs outside a transaction and stores
 * its outcome in one of its own, so a slow GitLab holds no lock and no connection.
 */
package dev.switchboard.gitlab.control;
