package dev.switchboard.ratelimits.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.ratelimits.control.RateLimitVerdict.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A successful answer that used the last call of the quota: the wait starts before the next call is refused. */
class QuotaExhaustedTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void gitHubsLastCallOfTheHourWaitsForTheReset() {
        // GitHub's documented headers on a 200 (x-ratelimit-reset in UTC epoch seconds)
        Map<String, List<String>> headers = Map.of("x-ratelimit-limit", List.of("5000"),
                "x-ratelimit-remaining", List.of("0"), "x-ratelimit-used", List.of("5000"),
                "x-ratelimit-reset", List.of(String.valueOf(NOW.plusSeconds(1800).getEpochSecond())),
                "x-ratelimit-resource", List.of("core"));
        RateLimitVerdict.Wait wait = RateLimitHeaders.exhausted(Platform.GITHUB, headers, NOW).orElseThrow();
        assertThat(wait.duration()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(wait.scope()).isEqualTo(Scope.TOKEN);
        assertThat(wait.reason()).contains("x-ratelimit-reset");
    }

    @Test
    void gitLabsRateLimitHeadersOnASuccessCountToo() {
        Map<String, List<String>> headers = Map.of("RateLimit-Limit", List.of("2000"), "RateLimit-Observed", List.of("2000"),
                "RateLimit-Remaining", List.of("0"), "RateLimit-Reset", List.of(String.valueOf(NOW.plusSeconds(42).getEpochSecond())));
        assertThat(RateLimitHeaders.exhausted(Platform.GITLAB, headers, NOW)).get()
                .extracting(RateLimitVerdict.Wait::duration).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void quotaLeftOrAResetInThePastOrNoResetMeansNoWait() {
        String inAMinute = String.valueOf(NOW.plusSeconds(60).getEpochSecond());
        assertThat(RateLimitHeaders.exhausted(Platform.GITHUB, Map.of("x-ratelimit-remaining", List.of("1"),
                "x-ratelimit-reset", List.of(inAMinute)), NOW)).isEmpty();
        assertThat(RateLimitHeaders.exhausted(Platform.GITHUB, Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(String.valueOf(NOW.minusSeconds(5).getEpochSecond()))), NOW)).isEmpty();
        assertThat(RateLimitHeaders.exhausted(Platform.GITHUB, Map.of("x-ratelimit-remaining", List.of("0")), NOW)).isEmpty();
        assertThat(RateLimitHeaders.exhausted(Platform.GITHUB, Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of("soon")), NOW)).isEmpty();
    }

    @Test
    void platformsWithoutQuotaHeadersNeverWaitOnASuccess() {
        Map<String, List<String>> headers = Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(String.valueOf(NOW.plusSeconds(60).getEpochSecond())));
        for (Platform platform : List.of(Platform.JIRA, Platform.SLACK, Platform.STRIPE)) {
            assertThat(RateLimitHeaders.exhausted(platform, headers, NOW)).as(platform.id()).isEmpty();
        }
    }
}
