package dev.switchboard.ratelimits.control;

/** A kind of failure a platform's retry policy may retry; anything not listed is never retried. */
public enum RetryCondition {
    /** Connection refused, reset, name not resolved. */
    CONNECTION_ERROR,
    /** Any timeout, connect or read. */
    TIMEOUT,
    /** Only a connect timeout: the request never left, so repeating it cannot act twice. */
    CONNECT_TIMEOUT,
    /** HTTP 5xx. */
    SERVER_ERROR,
    /** HTTP 429, a 403 that carries a rate-limit verdict (GitHub), Slack's {@code ratelimited}. */
    RATE_LIMIT,
    /** HTTP 401, once the token has been refreshed since (GitLab). */
    UNAUTHORIZED_AFTER_TOKEN_REFRESH,
    /** HTTP 409 (Stripe: a concurrent request on the same object or idempotency key). */
    CONFLICT,
    /**
     * The platform's own verdict header decides, over every other rule: {@code Stripe-Should-Retry: true}
     * retries any status, {@code false} none.
     */
    SHOULD_RETRY_HEADER,
    /** Slack's transient {@code ok:false} codes: internal_error, fatal_error, service_unavailable, request_timeout. */
    TRANSIENT_ERROR
}
