package dev.switchboard.ratelimits.control;

import static dev.switchboard.ratelimits.control.LongWaitPolicy.Decision.RESCHEDULE;
import static dev.switchboard.ratelimits.control.LongWaitPolicy.Decision.SLEEP_INLINE;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongWaitPolicyTest {

    @Test
    void theDefaultBoundIsTenSeconds() {
        LongWaitPolicy policy = LongWaitPolicy.fromConfig(Map.of());

        assertThat(policy.maxInlineWait()).isEqualTo(ofSeconds(10));
        assertThat(policy.decide(Duration.ZERO)).isEqualTo(SLEEP_INLINE);
        assertThat(policy.decide(ofSeconds(10))).isEqualTo(SLEEP_INLINE);
        assertThat(policy.decide(ofMillis(10_001))).isEqualTo(RESCHEDULE);
        assertThat(policy.decide(ofSeconds(60))).isEqualTo(RESCHEDULE);
    }

    @Test
    void theBoundIsConfigurable() {
        LongWaitPolicy policy = LongWaitPolicy.fromConfig(Map.of("ratelimit.max.inline.wait.ms", "2500"));

        assertThat(policy.decide(ofMillis(2500))).isEqualTo(SLEEP_INLINE);
        assertThat(policy.decide(ofMillis(2501))).isEqualTo(RESCHEDULE);
    }

    @Test
    void zeroReschedulesEveryRealWait() {
        LongWaitPolicy policy = LongWaitPolicy.fromConfig(Map.of("ratelimit.max.inline.wait.ms", "0"));

        assertThat(policy.decide(Duration.ZERO)).isEqualTo(SLEEP_INLINE);
        assertThat(policy.decide(ofMillis(1))).isEqualTo(RESCHEDULE);
    }

    @Test
    void anInvalidBoundIsTheDefault() {
        assertThat(LongWaitPolicy.fromConfig(Map.of("ratelimit.max.inline.wait.ms", "-5")).maxInlineWait())
                .isEqualTo(ofSeconds(10));
        assertThat(LongWaitPolicy.fromConfig(Map.of("ratelimit.max.inline.wait.ms", "10s")).maxInlineWait())
                .isEqualTo(ofSeconds(10));
    }
}
