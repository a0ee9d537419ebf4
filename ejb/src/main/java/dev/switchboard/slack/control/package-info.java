/**
 * Slack: the typed Events API events and interactions Switchboard acts on, how they are read from stored
 * deliveries, and which of them ask the agent for a job. Outbound calls go through
 * {@link dev.switchboard.slack.control.SlackApi}, paginated by {@code next_cursor}, and their answers are
 * read by {@link dev.switchboard.slack.control.SlackResponses}: Slack answers most failures with HTTP 200
 * and {@code ok:false}, so its {@code error} codes become typed exceptions (auth, not found, permission,
 * transient, rate limited); an unknown code is the base {@link dev.switchboard.slack.control.SlackApiException},
 * treated as permanent. The exceptions are runtime application exceptions (they roll the transaction back,
 * as a failed call to any provider does) and expose {@code failure()} for the Slack retry policy.
 * <p>
 * Jobs: {@link dev.switchboard.slack.control.SlackManager} hands a request to
 * {@link dev.switchboard.slack.control.SlackJobs} (who asks, which repository, the prompt, the start); what is
 * said in the thread is worded by {@link dev.switchboard.slack.control.SlackMessages} and posted by
 * {@link dev.switchboard.slack.control.SlackNoticePoster}, later states by
 * {@link dev.switchboard.slack.control.SlackCallbackProcessor}.
 */
package dev.switchboard.slack.control;
