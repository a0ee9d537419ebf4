/**
 * Slack: the typed Events API events and interactions Switchboard acts on, how they are read from stored
 * deliveries, and which of them ask the agent for a job.
 */
package dev.switchboard.slack.control;
