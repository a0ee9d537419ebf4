/**
 * Jira Cloud: the typed webhook events (comments, added labels) Switchboard acts on, how they are read from
 * stored deliveries, and which of them ask the agent for a job.
 */
package dev.switchboard.jira.control;
