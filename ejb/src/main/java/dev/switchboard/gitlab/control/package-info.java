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
 * <p>
 * Jobs: {@link dev.switchboard.gitlab.control.GitLabJobs} starts what
 * {@link dev.switchboard.gitlab.control.GitLabJobRequests} decided, once per delivery. GitLab has no bot account per
 * application, so the requester's own linked token acts ({@link dev.switchboard.gitlab.control.GitLabCredentials};
 * team mode's GITLAB_TOKEN as {@code PRIVATE-TOKEN}), a stranger is asked to connect an account with the token of
 * whoever installed the hook ({@link dev.switchboard.gitlab.control.GitLabHookOwners}), and every answer is a reply
 * in the discussion that asked ({@link dev.switchboard.gitlab.control.GitLabNoticePoster}), marked so that
 * Switchboard never answers itself ({@link dev.switchboard.gitlab.control.GitLabOwnNotes}).
 */
package dev.switchboard.gitlab.control;
