/**
 * Rate limits and retries for the platform API clients, as pure logic: what a response says about a limit
 * ({@link dev.switchboard.ratelimits.control.RateLimitHeaders} → {@link dev.switchboard.ratelimits.control.RateLimitVerdict}),
 * whether and when a failed call is repeated ({@link dev.switchboard.ratelimits.control.RetryPolicy},
 * {@link dev.switchboard.ratelimits.control.Backoff}), and whether a wait is slept where the call is made or
 * the work rescheduled ({@link dev.switchboard.ratelimits.control.LongWaitPolicy}). No HTTP here: clients
 * describe what happened as a {@link dev.switchboard.ratelimits.control.Failure} and act on the answer.
 *
 * <p>Decisions:
 * <ul>
 * <li>The retry table is the seed's, read literally: GitLab retries connect timeouts only (a read timeout
 * on a POST may already have created the note) and not 429; Jira does not retry 5xx; Slack does not retry
 * connection errors. A limit a policy does not retry still yields a verdict, so the caller can reschedule.
 * Stripe, absent from the seed, takes its official libraries' behaviour: 2 retries from 0.5 s to 5 s, on
 * connection errors, timeouts, 409, 429, 5xx, and {@code Stripe-Should-Retry} overrides all of it.</li>
 * <li>Delays are the policy's backoff; a wait the platform states replaces it. Jitter shortens a computed
 * delay (up to the jitter fraction, so the cap stays a cap) but only ever lengthens a stated wait
 * (earlier would meet the limit again), by at most the fraction of min(wait, max delay).</li>
 * <li>Header values are outside input: malformed ones are skipped, nothing throws, past resets are zero
 * waits. GitHub's documented "wait a minute" applies when it signals a limit without saying how long;
 * Slack's missing Retry-After is treated as one per-minute tier window; other platforms' bare 429s get
 * the backoff.</li>
 * <li>Config: {@code <platform>.retry.max}, {@code .retry.delay.ms}, {@code .retry.max.delay.ms},
 * {@code .retry.jitter} and {@code ratelimit.max.inline.wait.ms} (default 10 s), read on every use; an
 * invalid value is logged and the default kept. The delay kind and what is retried are not configurable:
 * they are the platforms' semantics, not tuning.</li>
 * <li>Time ({@code now}) and randomness ({@code RandomGenerator}) are parameters, so every sequence and
 * reset is testable exactly.</li>
 * </ul>
 */
package dev.switchboard.ratelimits.control;
