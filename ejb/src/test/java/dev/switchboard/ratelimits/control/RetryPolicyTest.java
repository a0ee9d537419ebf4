package dev.switchboard.ratelimits.control;

import static dev.switchboard.ratelimits.control.BackoffTest.scripted;
import static dev.switchboard.ratelimits.control.RateLimitHeadersTest.NOW;
import static dev.switchboard.ratelimits.control.RateLimitHeadersTest.NOW_EPOCH;
import static dev.switchboard.ratelimits.control.RateLimitHeadersTest.SECONDARY_BODY;
import static dev.switchboard.ratelimits.control.RateLimitHeadersTest.headers;
import static dev.switchboard.ratelimits.control.RetryCondition.CONFLICT;
import static dev.switchboard.ratelimits.control.RetryCondition.CONNECTION_ERROR;
import static dev.switchboard.ratelimits.control.RetryCondition.CONNECT_TIMEOUT;
import static dev.switchboard.ratelimits.control.RetryCondition.RATE_LIMIT;
import static dev.switchboard.ratelimits.control.RetryCondition.SERVER_ERROR;
import static dev.switchboard.ratelimits.control.RetryCondition.SHOULD_RETRY_HEADER;
import static dev.switchboard.ratelimits.control.RetryCondition.TIMEOUT;
import static dev.switchboard.ratelimits.control.RetryCondition.TRANSIENT_ERROR;
import static dev.switchboard.ratelimits.control.RetryCondition.UNAUTHORIZED_AFTER_TOKEN_REFRESH;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.ratelimits.control.Failure.ConnectionError;
import dev.switchboard.ratelimits.control.Failure.HttpStatus;
import dev.switchboard.ratelimits.control.Failure.SlackError;
import dev.switchboard.ratelimits.control.Failure.Timeout;
import dev.switchboard.ratelimits.control.Failure.Timeout.Phase;
import dev.switchboard.ratelimits.control.RateLimitVerdict.Scope;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetryPolicyTest {

    static HttpStatus status(int status) {
        return new HttpStatus(status, RateLimitVerdict.none(), Map.of());
    }

    static RetryPolicy policy(Platform platform) {
        return RetryPolicy.defaults(platform);
    }

    @Nested
    class TheIssuesTable {

        @Test
        void gitHub() {
            RetryPolicy github = policy(Platform.GITHUB);
            assertThat(github.maxRetries()).isEqualTo(3);
            assertThat(github.delayKind()).isEqualTo(DelayKind.EXPONENTIAL);
            assertThat(github.retriedOn()).containsExactlyInAnyOrder(CONNECTION_ERROR, TIMEOUT, SERVER_ERROR, RATE_LIMIT);
        }

        @Test
        void gitLab() {
            RetryPolicy gitlab = policy(Platform.GITLAB);
            assertThat(gitlab.maxRetries()).isEqualTo(2);
            assertThat(gitlab.delayKind()).isEqualTo(DelayKind.FIXED);
            assertThat(gitlab.retriedOn()).containsExactlyInAnyOrder(CONNECT_TIMEOUT, UNAUTHORIZED_AFTER_TOKEN_REFRESH);
        }

        @Test
        void jira() {
            RetryPolicy jira = policy(Platform.JIRA);
            assertThat(jira.maxRetries()).isEqualTo(3);
            assertThat(jira.delayKind()).isEqualTo(DelayKind.LINEAR);
            assertThat(jira.retriedOn()).containsExactlyInAnyOrder(CONNECTION_ERROR, TIMEOUT, RATE_LIMIT);
        }

        @Test
        void slack() {
            RetryPolicy slack = policy(Platform.SLACK);
            assertThat(slack.maxRetries()).isEqualTo(2);
            assertThat(slack.delayKind()).isEqualTo(DelayKind.EXPONENTIAL);
            assertThat(slack.retriedOn()).containsExactlyInAnyOrder(RATE_LIMIT, TRANSIENT_ERROR, SERVER_ERROR);
        }

        @Test
        void stripeFollowsStripesOwnLibraries() {
            RetryPolicy stripe = policy(Platform.STRIPE);
            assertThat(stripe.maxRetries()).isEqualTo(2);
            assertThat(stripe.delayKind()).isEqualTo(DelayKind.EXPONENTIAL);
            assertThat(stripe.baseDelay()).isEqualTo(ofMillis(500));
            assertThat(stripe.maxDelay()).isEqualTo(ofSeconds(5));
            assertThat(stripe.retriedOn()).containsExactlyInAnyOrder(CONNECTION_ERROR, TIMEOUT, CONFLICT, RATE_LIMIT,
                    SERVER_ERROR, SHOULD_RETRY_HEADER);
        }

        @Test
        void delaysAndJitter() {
            assertThat(policy(Platform.GITHUB).baseDelay()).isEqualTo(ofSeconds(1));
            assertThat(policy(Platform.GITHUB).maxDelay()).isEqualTo(ofSeconds(30));
            assertThat(policy(Platform.GITLAB).baseDelay()).isEqualTo(ofSeconds(2));
            assertThat(policy(Platform.JIRA).baseDelay()).isEqualTo(ofSeconds(2));
            assertThat(policy(Platform.SLACK).baseDelay()).isEqualTo(ofSeconds(1));
        }

        @ParameterizedTest
        @EnumSource(Platform.class)
        void everyDelayIsJittered(Platform platform) {
            assertThat(policy(platform).jitter()).isEqualTo(0.25);
            assertThat(policy(platform).platform()).isEqualTo(platform);
        }
    }

    @Nested
    class Retryability {

        @ParameterizedTest
        @EnumSource(Platform.class)
        void clientErrorsAreNeverRetried(Platform platform) {
            for (int status : new int[] {400, 401, 403, 404, 405, 410, 422}) {
                assertThat(policy(platform).retries(status(status))).as("%s %d", platform, status).isFalse();
                assertThat(policy(platform).delayBeforeRetry(1, status(status), new SplittableRandom(1)))
                        .as("%s %d", platform, status).isEmpty();
            }
        }

        @Test
        void gitHubRetriesConnectionErrorsTimeoutsServerErrorsAndLimits() {
            RetryPolicy github = policy(Platform.GITHUB);
            assertThat(github.retries(new ConnectionError())).isTrue();
            assertThat(github.retries(new Timeout(Phase.CONNECT))).isTrue();
            assertThat(github.retries(new Timeout(Phase.READ))).isTrue();
            assertThat(github.retries(status(500))).isTrue();
            assertThat(github.retries(status(502))).isTrue();
            assertThat(github.retries(status(429))).isTrue();
            assertThat(github.retries(HttpStatus.of(Platform.GITHUB, 403, headers("x-ratelimit-remaining", "0",
                    "x-ratelimit-reset", String.valueOf(NOW_EPOCH + 5)), "", NOW))).isTrue();
            assertThat(github.retries(HttpStatus.of(Platform.GITHUB, 403, Map.of(), SECONDARY_BODY, NOW))).isTrue();
            assertThat(github.retries(HttpStatus.of(Platform.GITHUB, 403,
                    headers("x-ratelimit-remaining", "4000"), "{\"message\":\"Must have admin rights\"}", NOW)))
                    .isFalse();
            assertThat(github.retries(status(401).afterTokenRefresh())).isFalse();
        }

        @Test
        void gitLabRetriesOnlyConnectTimeoutsAndA401AfterARefresh() {
            RetryPolicy gitlab = policy(Platform.GITLAB);
            assertThat(gitlab.retries(new Timeout(Phase.CONNECT))).isTrue();
            assertThat(gitlab.retries(new Timeout(Phase.READ))).isFalse();
            assertThat(gitlab.retries(new ConnectionError())).isFalse();
            assertThat(gitlab.retries(status(401))).isFalse();
            assertThat(gitlab.retries(status(401).afterTokenRefresh())).isTrue();
            assertThat(gitlab.retries(status(403).afterTokenRefresh())).isFalse();
            assertThat(gitlab.retries(status(500))).isFalse();
            assertThat(gitlab.retries(status(429))).isFalse();
        }

        @Test
        void jiraRetriesNetworkErrorsAnd429() {
            RetryPolicy jira = policy(Platform.JIRA);
            assertThat(jira.retries(new ConnectionError())).isTrue();
            assertThat(jira.retries(new Timeout(Phase.READ))).isTrue();
            assertThat(jira.retries(status(429))).isTrue();
            assertThat(jira.retries(status(500))).isFalse();
            assertThat(jira.retries(status(503))).isFalse();
        }

        @Test
        void slackRetriesRatelimitedTransientCodesAnd5xx() {
            RetryPolicy slack = policy(Platform.SLACK);
            assertThat(slack.retries(new SlackError("ratelimited"))).isTrue();
            assertThat(slack.retries(status(429))).isTrue();
            for (String code : new String[] {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}) {
                assertThat(slack.retries(new SlackError(code))).as(code).isTrue();
            }
            assertThat(slack.retries(status(500))).isTrue();
            assertThat(slack.retries(status(503))).isTrue();
            assertThat(slack.retries(new SlackError("channel_not_found"))).isFalse();
            assertThat(slack.retries(new SlackError("invalid_auth"))).isFalse();
            assertThat(slack.retries(new ConnectionError())).isFalse();
        }

        @Test
        void stripeRetriesLikeItsLibrariesAndObeysStripeShouldRetry() {
            RetryPolicy stripe = policy(Platform.STRIPE);
            assertThat(stripe.retries(new ConnectionError())).isTrue();
            assertThat(stripe.retries(new Timeout(Phase.READ))).isTrue();
            assertThat(stripe.retries(status(409))).isTrue();
            assertThat(stripe.retries(status(429))).isTrue();
            assertThat(stripe.retries(status(500))).isTrue();
            assertThat(stripe.retries(status(402))).isFalse();
            assertThat(stripe.retries(new HttpStatus(400, RateLimitVerdict.none(),
                    headers("Stripe-Should-Retry", "true")))).isTrue();
            assertThat(stripe.retries(new HttpStatus(500, RateLimitVerdict.none(),
                    headers("stripe-should-retry", "false")))).isFalse();
            assertThat(stripe.retries(new HttpStatus(429, RateLimitVerdict.none(),
                    headers("Stripe-Should-Retry", "false")))).isFalse();
            assertThat(stripe.retries(new HttpStatus(409, RateLimitVerdict.none(),
                    headers("Stripe-Should-Retry", "maybe")))).isTrue();
        }

        @Test
        void stripeShouldRetryMeansNothingToOtherPlatforms() {
            assertThat(policy(Platform.GITHUB).retries(new HttpStatus(404, RateLimitVerdict.none(),
                    headers("Stripe-Should-Retry", "true")))).isFalse();
        }
    }

    @Nested
    class DelayBeforeRetry {

        @Test
        void gitHubBacksOffExponentiallyWithJitterThenGivesUp() {
            RetryPolicy github = policy(Platform.GITHUB);
            SplittableRandom random = new SplittableRandom(42);

            assertThat(github.delayBeforeRetry(1, status(502), random)).contains(ofMillis(815));
            assertThat(github.delayBeforeRetry(2, status(502), random)).contains(ofMillis(1921));
            assertThat(github.delayBeforeRetry(3, status(502), random)).contains(ofMillis(3722));
            assertThat(github.delayBeforeRetry(4, status(502), random)).isEmpty();
        }

        @Test
        void gitLabWaitsAFixedDelayTwice() {
            RetryPolicy gitlab = policy(Platform.GITLAB);
            Failure timeout = new Timeout(Phase.CONNECT);

            assertThat(gitlab.delayBeforeRetry(1, timeout, scripted(0.0))).contains(ofSeconds(2));
            assertThat(gitlab.delayBeforeRetry(2, timeout, scripted(0.5))).contains(ofMillis(1750));
            assertThat(gitlab.delayBeforeRetry(3, timeout, scripted(0.0))).isEmpty();
        }

        @Test
        void jiraWaitsLinearly() {
            RetryPolicy jira = policy(Platform.JIRA);

            assertThat(jira.delayBeforeRetry(1, new ConnectionError(), scripted(0.0))).contains(ofSeconds(2));
            assertThat(jira.delayBeforeRetry(2, new ConnectionError(), scripted(0.0))).contains(ofSeconds(4));
            assertThat(jira.delayBeforeRetry(3, new ConnectionError(), scripted(0.0))).contains(ofSeconds(6));
            assertThat(jira.delayBeforeRetry(4, new ConnectionError(), scripted(0.0))).isEmpty();
        }

        @Test
        void aStatedWaitReplacesTheBackoffAndIsOnlyEverLengthened() {
            HttpStatus secondary = HttpStatus.of(Platform.GITHUB, 403, headers("Retry-After", "4"), SECONDARY_BODY, NOW);

            assertThat(policy(Platform.GITHUB).delayBeforeRetry(1, secondary, scripted(0.0))).contains(ofSeconds(4));
            // 4 s + floor(4000 × 0.25 × 0.5)
            assertThat(policy(Platform.GITHUB).delayBeforeRetry(3, secondary, scripted(0.5))).contains(ofMillis(4500));
        }

        @Test
        void theJitterOnALongWaitIsMeasuredOnTheMaxDelay() {
            HttpStatus exhausted = HttpStatus.of(Platform.GITHUB, 403, headers("x-ratelimit-remaining", "0",
                    "x-ratelimit-reset", String.valueOf(NOW_EPOCH + 3600)), "", NOW);

            // 3600 s + floor(30 000 × 0.25 × 0.5)
            assertThat(policy(Platform.GITHUB).delayBeforeRetry(1, exhausted, scripted(0.5)))
                    .contains(ofSeconds(3600).plusMillis(3750));
        }

        @Test
        void statedWaitsStayWithinTheirJitterBoundsOverManyDraws() {
            RetryPolicy slack = policy(Platform.SLACK);
            Failure limited = new SlackError("ratelimited", RateLimitVerdict.wait(ofSeconds(20), Scope.TOKEN, "test"));
            SplittableRandom random = new SplittableRandom(3);
            for (int draw = 0; draw < 2_000; draw++) {
                assertThat(slack.delayBeforeRetry(1, limited, random).orElseThrow())
                        .isBetween(ofSeconds(20), ofSeconds(25));
            }
        }

        @Test
        void aWaitDoesNotMakeAnUnretriedFailureRetried() {
            HttpStatus limited = HttpStatus.of(Platform.GITLAB, 429, headers("Retry-After", "3"), "", NOW);

            assertThat(limited.verdict().isWait()).isTrue();
            assertThat(policy(Platform.GITLAB).delayBeforeRetry(1, limited, scripted(0.0))).isEmpty();
        }

        @Test
        void stripeUsesItsLibrariesDelays() {
            RetryPolicy stripe = policy(Platform.STRIPE);

            assertThat(stripe.delayBeforeRetry(1, status(500), scripted(0.0))).contains(ofMillis(500));
            assertThat(stripe.delayBeforeRetry(2, status(500), scripted(0.0))).contains(ofSeconds(1));
            assertThat(stripe.delayBeforeRetry(3, status(500), scripted(0.0))).isEmpty();
        }

        @Test
        void attemptsStartAtOne() {
            assertThatThrownBy(() -> policy(Platform.GITHUB).delayBeforeRetry(0, status(500), scripted(0.0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void zeroRetriesNeverRetry() {
            RetryPolicy none = new RetryPolicy(Platform.GITHUB, 0, DelayKind.FIXED, Duration.ZERO, Duration.ZERO, 0,
                    policy(Platform.GITHUB).retriedOn());

            assertThat(none.delayBeforeRetry(1, status(500), scripted(0.0))).isEmpty();
        }
    }
}
