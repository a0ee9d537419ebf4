package dev.switchboard.ratelimits.control;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.ratelimits.control.RateLimitVerdict.Scope;
import dev.switchboard.ratelimits.control.RateLimitVerdict.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitHeadersTest {

    static final Instant NOW = Instant.parse("2025-11-04T10:00:00Z");
    static final long NOW_EPOCH = 1_762_250_400L;

    static final String SECONDARY_BODY = """
            {"message":"You have exceeded a secondary rate limit and have been temporarily blocked from content \
            creation. Please retry your request again later.",\
            "documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}""";
    static final String PRIMARY_BODY = """
            {"message":"API rate limit exceeded for installation ID 4711.",\
            "documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}""";
    static final String FORBIDDEN_BODY = """
            {"message":"Resource not accessible by integration","status":"403"}""";

    static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return headers;
    }

    static Wait waitOf(RateLimitVerdict verdict) {
        assertThat(verdict).isInstanceOf(Wait.class);
        return (Wait) verdict;
    }

    @Nested
    class RetryAfter {

        @Test
        void deltaSeconds() {
            assertThat(RateLimitHeaders.retryAfter(headers("Retry-After", "120"), NOW)).contains(ofSeconds(120));
        }

        @Test
        void deltaSecondsZero() {
            assertThat(RateLimitHeaders.retryAfter(headers("Retry-After", "0"), NOW)).contains(Duration.ZERO);
        }

        @Test
        void httpDate() {
            assertThat(RateLimitHeaders.retryAfter(headers("Retry-After", "Tue, 04 Nov 2025 10:00:30 GMT"), NOW))
                    .contains(ofSeconds(30));
        }

        @Test
        void anHttpDateInThePastIsAZeroWait() {
            assertThat(RateLimitHeaders.retryAfter(headers("Retry-After", "Tue, 04 Nov 2025 09:59:00 GMT"), NOW))
                    .contains(Duration.ZERO);
        }

        @Test
        void aNegativeDeltaClampsToZero() {
            assertThat(RateLimitHeaders.retryAfter(headers("Retry-After", "-5"), NOW)).contains(Duration.ZERO);
        }

        @Test
        void headerNamesAreCaseInsensitive() {
            assertThat(RateLimitHeaders.retryAfter(headers("retry-after", "7"), NOW)).contains(ofSeconds(7));
            assertThat(RateLimitHeaders.retryAfter(headers("RETRY-AFTER", " 8 "), NOW)).contains(ofSeconds(8));
        }

        @ParameterizedTest
        @ValueSource(strings = {"soon", "1.5", "12s", "Tuesday, 04-Nov-25 10:00:30 GMT", "Tue, 31 Nov 2025 10:00:30 GMT",
                "99999999999999999999", ""})
        void malformedValuesAreIgnored(String value) {
            assertThat(RateLimitHeaders.retryAfter(headers("Retry-After", value), NOW)).isEmpty();
        }

        @Test
        void absentOrNullHeadersAreNoWait() {
            assertThat(RateLimitHeaders.retryAfter(Map.of(), NOW)).isEmpty();
            assertThat(RateLimitHeaders.retryAfter(null, NOW)).isEmpty();
            Map<String, List<String>> withStatusLine = new LinkedHashMap<>();
            withStatusLine.put(null, List.of("HTTP/1.1 429 Too Many Requests"));
            withStatusLine.put("Retry-After", List.of("3"));
            assertThat(RateLimitHeaders.retryAfter(withStatusLine, NOW)).contains(ofSeconds(3));
        }
    }

    @Nested
    class GitHub {

        @Test
        void primaryLimitWaitsUntilTheEpochReset() {
            Wait wait = waitOf(RateLimitHeaders.github(403, headers("x-ratelimit-limit", "5000",
                    "x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(NOW_EPOCH + 754)),
                    PRIMARY_BODY, NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(754));
            assertThat(wait.scope()).isEqualTo(Scope.TOKEN);
            assertThat(wait.reason()).contains("primary").contains("x-ratelimit-reset");
        }

        @Test
        void primaryLimitOn429IsReadTheSameWay() {
            assertThat(waitOf(RateLimitHeaders.github(429, headers("x-ratelimit-remaining", "0",
                    "x-ratelimit-reset", String.valueOf(NOW_EPOCH + 5)), PRIMARY_BODY, NOW)).duration())
                    .isEqualTo(ofSeconds(5));
        }

        @Test
        void aResetInThePastIsAZeroWait() {
            assertThat(waitOf(RateLimitHeaders.github(403, headers("x-ratelimit-remaining", "0",
                    "x-ratelimit-reset", String.valueOf(NOW_EPOCH - 30)), PRIMARY_BODY, NOW)).duration())
                    .isEqualTo(Duration.ZERO);
        }

        @Test
        void primaryLimitWithAnUnreadableResetWaitsAMinute() {
            Wait wait = waitOf(RateLimitHeaders.github(403, headers("x-ratelimit-remaining", "0",
                    "x-ratelimit-reset", "tomorrow"), PRIMARY_BODY, NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(60));
            assertThat(wait.reason()).contains("primary");
        }

        @Test
        void secondaryLimitWithRetryAfter() {
            Wait wait = waitOf(RateLimitHeaders.github(403, headers("retry-after", "37",
                    "x-ratelimit-remaining", "4210"), SECONDARY_BODY, NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(37));
            assertThat(wait.reason()).contains("secondary").contains("Retry-After");
        }

        @Test
        void secondaryLimitWithoutRetryAfterWaitsAMinute() {
            Wait wait = waitOf(RateLimitHeaders.github(403, headers("x-ratelimit-remaining", "4210"),
                    SECONDARY_BODY, NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(60));
            assertThat(wait.scope()).isEqualTo(Scope.TOKEN);
            assertThat(wait.reason()).contains("secondary");
        }

        @Test
        void secondaryLimitOn429WithoutBodyOrHeaders() {
            assertThat(waitOf(RateLimitHeaders.github(429, Map.of(), "", NOW)).duration()).isEqualTo(ofSeconds(60));
        }

        @Test
        void retryAfterWithoutTheBodyMarksASecondaryLimit() {
            Wait wait = waitOf(RateLimitHeaders.github(403, headers("Retry-After", "12"), "{}", NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(12));
            assertThat(wait.reason()).contains("secondary");
        }

        @Test
        void theOldAbuseDetectionMessageIsASecondaryLimit() {
            assertThat(waitOf(RateLimitHeaders.github(403, Map.of(),
                    "{\"message\":\"You have triggered an abuse detection mechanism.\"}", NOW)).duration())
                    .isEqualTo(ofSeconds(60));
        }

        @Test
        void aPlain403IsAPermissionErrorNotALimit() {
            assertThat(RateLimitHeaders.github(403, headers("x-ratelimit-remaining", "4999"), FORBIDDEN_BODY, NOW))
                    .isEqualTo(RateLimitVerdict.none());
        }

        @Test
        void otherStatusesCarryNoVerdictEvenWithRemainingZero() {
            Map<String, List<String>> exhausted = headers("x-ratelimit-remaining", "0",
                    "x-ratelimit-reset", String.valueOf(NOW_EPOCH + 60));

            assertThat(RateLimitHeaders.github(404, exhausted, "{}", NOW)).isEqualTo(RateLimitVerdict.none());
            assertThat(RateLimitHeaders.github(200, exhausted, "{}", NOW)).isEqualTo(RateLimitVerdict.none());
        }

        @Test
        void a503WithRetryAfterIsAGlobalWait() {
            Wait wait = waitOf(RateLimitHeaders.github(503, headers("Retry-After", "9"), "", NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(9));
            assertThat(wait.scope()).isEqualTo(Scope.GLOBAL);
        }
    }

    @Nested
    class GitLab {

        @Test
        void retryAfter() {
            Wait wait = waitOf(RateLimitHeaders.gitlab(429, headers("Retry-After", "42",
                    "RateLimit-Reset", String.valueOf(NOW_EPOCH + 500)), NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(42));
            assertThat(wait.scope()).isEqualTo(Scope.TOKEN);
            assertThat(wait.reason()).contains("Retry-After");
        }

        @Test
        void rateLimitResetInEpochSeconds() {
            Wait wait = waitOf(RateLimitHeaders.gitlab(429, headers("RateLimit-Limit", "600",
                    "RateLimit-Remaining", "0", "RateLimit-Reset", String.valueOf(NOW_EPOCH + 45),
                    "RateLimit-ResetTime", "Tue, 04 Nov 2025 10:09:00 GMT"), NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(45));
            assertThat(wait.reason()).contains("RateLimit-Reset");
        }

        @Test
        void rateLimitResetTimeAsAnHttpDate() {
            Wait wait = waitOf(RateLimitHeaders.gitlab(429,
                    headers("RateLimit-ResetTime", "Tue, 04 Nov 2025 10:01:10 GMT"), NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(70));
            assertThat(wait.reason()).contains("RateLimit-ResetTime");
        }

        @Test
        void aMalformedResetFallsThroughToTheNextForm() {
            assertThat(waitOf(RateLimitHeaders.gitlab(429, headers("Retry-After", "later",
                    "RateLimit-Reset", "-3", "RateLimit-ResetTime", "Tue, 04 Nov 2025 10:00:20 GMT"), NOW)).duration())
                    .isEqualTo(ofSeconds(20));
        }

        @Test
        void a429WithoutReadableHeadersStatesNoWait() {
            assertThat(RateLimitHeaders.gitlab(429, headers("RateLimit-ResetTime", "soon"), NOW))
                    .isEqualTo(RateLimitVerdict.none());
        }

        @Test
        void resetHeadersOnA200AreNotALimit() {
            assertThat(RateLimitHeaders.gitlab(200, headers("RateLimit-Remaining", "599",
                    "RateLimit-Reset", String.valueOf(NOW_EPOCH + 60)), NOW)).isEqualTo(RateLimitVerdict.none());
        }
    }

    @Nested
    class Jira {

        @Test
        void retryAfter() {
            Wait wait = waitOf(RateLimitHeaders.jira(429, headers("Retry-After", "5",
                    "X-RateLimit-Reset", "2025-11-04T10:05Z"), NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(5));
            assertThat(wait.scope()).isEqualTo(Scope.TOKEN);
        }

        @Test
        void isoResetWithoutSeconds() {
            Wait wait = waitOf(RateLimitHeaders.jira(429, headers("X-RateLimit-Reset", "2025-11-04T10:05Z"), NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(300));
            assertThat(wait.reason()).contains("X-RateLimit-Reset");
        }

        @Test
        void isoResetWithSecondsAndAnOffset() {
            assertThat(waitOf(RateLimitHeaders.jira(429,
                    headers("X-RateLimit-Reset", "2025-11-04T11:00:15+01:00"), NOW)).duration()).isEqualTo(ofSeconds(15));
        }

        @Test
        void malformedIsoResetIsIgnored() {
            assertThat(RateLimitHeaders.jira(429, headers("X-RateLimit-Reset", "2025-11-04 10:05"), NOW))
                    .isEqualTo(RateLimitVerdict.none());
        }
    }

    @Nested
    class Slack {

        @Test
        void http429WithRetryAfter() {
            Wait wait = waitOf(RateLimitHeaders.slack(429, headers("Retry-After", "30"),
                    "{\"ok\":false,\"error\":\"ratelimited\"}", NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(30));
            assertThat(wait.scope()).isEqualTo(Scope.TOKEN);
        }

        @Test
        void okFalseRatelimitedInA200() {
            assertThat(waitOf(RateLimitHeaders.slack(200, headers("Retry-After", "3"),
                    "{\"ok\":false,\"error\":\"ratelimited\"}", NOW)).duration()).isEqualTo(ofSeconds(3));
        }

        @Test
        void ratelimitedWithoutRetryAfterWaitsOneTierWindow() {
            Wait wait = waitOf(RateLimitHeaders.slack(200, Map.of(), "{\"ok\":false,\"error\":\"ratelimited\"}", NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(60));
            assertThat(wait.reason()).contains("no Retry-After");
        }

        @Test
        void otherErrorsAndGarbageAreNotLimits() {
            assertThat(RateLimitHeaders.slack(200, Map.of(), "{\"ok\":false,\"error\":\"channel_not_found\"}", NOW))
                    .isEqualTo(RateLimitVerdict.none());
            assertThat(RateLimitHeaders.slack(200, Map.of(), "{\"ok\":true}", NOW)).isEqualTo(RateLimitVerdict.none());
            assertThat(RateLimitHeaders.slack(200, Map.of(), "<html>oops", NOW)).isEqualTo(RateLimitVerdict.none());
            assertThat(RateLimitHeaders.slack(200, Map.of(), "[1,2]", NOW)).isEqualTo(RateLimitVerdict.none());
            assertThat(RateLimitHeaders.slack(200, Map.of(), null, NOW)).isEqualTo(RateLimitVerdict.none());
        }
    }

    @Nested
    class Stripe {

        @Test
        void retryAfterIsAGlobalWait() {
            Wait wait = waitOf(RateLimitHeaders.stripe(429, headers("Retry-After", "2",
                    "Stripe-Should-Retry", "true"), NOW));

            assertThat(wait.duration()).isEqualTo(ofSeconds(2));
            assertThat(wait.scope()).isEqualTo(Scope.GLOBAL);
        }

        @Test
        void a429WithoutRetryAfterStatesNoWait() {
            assertThat(RateLimitHeaders.stripe(429, headers("Stripe-Should-Retry", "true"), NOW))
                    .isEqualTo(RateLimitVerdict.none());
        }
    }

    @Test
    void parseDispatchesByPlatform() {
        Map<String, List<String>> reset = headers("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", String.valueOf(NOW_EPOCH + 10), "RateLimit-Reset", String.valueOf(NOW_EPOCH + 20));

        assertThat(waitOf(RateLimitHeaders.parse(Platform.GITHUB, 403, reset, "", NOW)).duration()).isEqualTo(ofSeconds(10));
        assertThat(waitOf(RateLimitHeaders.parse(Platform.GITLAB, 429, reset, "", NOW)).duration()).isEqualTo(ofSeconds(20));
        assertThat(RateLimitHeaders.parse(Platform.JIRA, 429, reset, "", NOW)).isEqualTo(RateLimitVerdict.none());
        assertThat(RateLimitHeaders.parse(Platform.STRIPE, 429, reset, "", NOW)).isEqualTo(RateLimitVerdict.none());
        assertThat(waitOf(RateLimitHeaders.parse(Platform.SLACK, 429, reset, "", NOW)).duration()).isEqualTo(ofSeconds(60));
    }
}
