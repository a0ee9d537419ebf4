/**
 * Slack: the typed Events API events and interactions Switchboard acts on, how they are read from stored
 * deliveries, and which of them ask the agent for a job. Outbound calls go through
 * {@link dev.switchboard.slack.control.SlackApi}, paginated by {@code next_cursor}.
 */
package dev.switchboard.slack.control;
