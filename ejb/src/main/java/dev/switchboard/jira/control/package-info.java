/**
 * Jira Cloud: the typed webhook events (comments, added labels) Switchboard acts on, how they are read from
 * stored deliveries, and which of them ask the agent for a job. Outbound: {@link dev.switchboard.jira.control.JiraApi},
 * one client per site base ({@link dev.switchboard.jira.control.JiraClients}: Cloud through the API gateway,
 * Data Center on its own URL), and {@link dev.switchboard.jira.control.JiraMarkdown}, which turns the agent's
 * Markdown into the wiki markup of REST API v2 or the ADF of v3 with CommonMark (bundled in the EAR's lib/).
 * Operators manage the sites and their service accounts with {@link dev.switchboard.jira.control.JiraWorkspaces}
 * ({@link dev.switchboard.jira.control.JiraSiteKind} says how each kind of site is reached and authenticated).
 */
package dev.switchboard.jira.control;
