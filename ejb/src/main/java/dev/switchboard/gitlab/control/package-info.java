/**
 * GitLab: the typed webhook events (notes, label changes) Switchboard acts on, how they are read from
 * stored deliveries, and which of them ask the agent for a job. Outbound calls go through
 * {@link dev.switchboard.gitlab.control.GitLabApi}, paginated by {@code X-Next-Page}.
 */
package dev.switchboard.gitlab.control;
