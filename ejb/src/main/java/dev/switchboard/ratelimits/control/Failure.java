package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Why a call to a platform failed, in the terms its retry policy decides on. */
public sealed interface Failure {

    /** The rate-limit wait the failure states; none for failures that never reached the platform. */
    RateLimitVerdict verdict();

    /** Refused, reset or unresolvable before a response arrived. */
    record ConnectionError() implements Failure {
        @Override
        public RateLimitVerdict verdict() {
            return RateLimitVerdict.none();
        }
    }

    /**
     * A timeout. The phase matters: a connect timeout means the request was never sent, a read timeout
     * means the platform may have acted on it (a comment posted twice if retried blindly).
     */
    record Timeout(Phase phase) implements Failure {
        public enum Phase {
            CONNECT, READ
        }

        public Timeout {
            Objects.requireNonNull(phase, "phase");
        }

        @Override
        public RateLimitVerdict verdict() {
            return RateLimitVerdict.none();
        }
    }

    /**
     * A non-successful HTTP status.
     *
     * @param headers the response's headers (Stripe-Should-Retry is read from them)
     * @param tokenRefreshed the token was refreshed after this response was received, so that repeating the
     *        request is not the same request (GitLab's 401 rule)
     */
    record HttpStatus(int status, RateLimitVerdict verdict, Map<String, List<String>> headers, boolean tokenRefreshed)
            implements Failure {

        public HttpStatus {
            Objects.requireNonNull(verdict, "verdict");
            headers = ResponseHeaders.copy(headers);
        }

        public HttpStatus(int status, RateLimitVerdict verdict, Map<String, List<String>> headers) {
            this(status, verdict, headers, false);
        }

        /** A status with its verdict read from the response by the platform's rules. */
        public static HttpStatus of(Platform platform, int status, Map<String, List<String>> headers, String body,
                Instant now) {
            return new HttpStatus(status, RateLimitHeaders.parse(platform, status, headers, body, now), headers);
        }

        public HttpStatus afterTokenRefresh() {
            return new HttpStatus(status, verdict, headers, true);
        }

        public Optional<String> header(String name) {
            return ResponseHeaders.first(headers, name);
        }
    }

    /** Slack's {@code ok:false} with its {@code error} code (Slack answers HTTP 200 for most of them). */
    record SlackError(String code, RateLimitVerdict verdict) implements Failure {

        public static final String RATELIMITED = "ratelimited";
        /** Slack's own word for "try again": documented as transient on every Web API method. */
        public static final Set<String> TRANSIENT_CODES = Set.of("internal_error", "fatal_error",
                "service_unavailable", "request_timeout");

        public SlackError {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(verdict, "verdict");
        }

        public SlackError(String code) {
            this(code, RateLimitVerdict.none());
        }

        public boolean isRateLimited() {
            return RATELIMITED.equals(code);
        }

        public boolean isTransient() {
            return TRANSIENT_CODES.contains(code);
        }
    }
}
