/**
 * Agent jobs, written once for every platform: what asks for a job (mention word and label), the agent server
 * client with its own retry policy ({@code AgentServer}: only requests that cannot have been processed are
 * repeated), the job rows ({@code JobRecords}, committed before the call they protect), posts made exactly once
 * ({@code Notices}, keyed by occasion), and the way back: pushes and polls ({@code ConversationWatcher}) become
 * state changes ({@code JobStateChanges}) queued on {@code jms/switchboard/Callbacks} for the platform's
 * {@code CallbackProcessor}. Before a job, the platform asks {@code BillingGate} (BILLING_REQUIRED) and
 * {@code FollowUps}, which passes a request by the requester of the thread's latest job to that job's conversation
 * instead. A platform plugs in with a callback processor and a {@code NoticePoster}; GitHub and
 * GitLab, which both render Markdown, share their wording ({@code MarkdownMessages}).
 */
package dev.switchboard.jobs.control;
