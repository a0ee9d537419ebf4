/**
 * Agent jobs: what makes a platform event ask the coding agent for work (the configured mention word and
 * label) and how a requested job is described. Starting jobs on the agent server comes later.
 */
package dev.switchboard.jobs.control;
