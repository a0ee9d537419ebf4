package dev.switchboard.ratelimits.control;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** Returns the given doubles in turn: makes jitter hand-computable. */
    static RandomGenerator scripted(double... values) {
        return new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return values[next++];
            }
        };
    }

    @Test
    void exponentialDoublesFromTheBaseUpToTheCap() {
        Backoff backoff = Backoff.of(DelayKind.EXPONENTIAL, ofSeconds(1), ofSeconds(10));

        assertThat(backoff.sequence(6, new SplittableRandom(1))).containsExactly(
                ofSeconds(1), ofSeconds(2), ofSeconds(4), ofSeconds(8), ofSeconds(10), ofSeconds(10));
    }

    @Test
    void fixedRepeatsTheBaseCappedAtTheMax() {
        assertThat(Backoff.of(DelayKind.FIXED, ofMillis(1500), ofSeconds(10)).sequence(3, new SplittableRandom(1)))
                .containsExactly(ofMillis(1500), ofMillis(1500), ofMillis(1500));
        assertThat(Backoff.of(DelayKind.FIXED, ofSeconds(5), ofSeconds(2)).delay(1)).isEqualTo(ofSeconds(2));
    }

    @Test
    void linearGrowsByTheBaseUpToTheCap() {
        assertThat(Backoff.of(DelayKind.LINEAR, ofSeconds(2), ofSeconds(7)).sequence(5, new SplittableRandom(1)))
                .containsExactly(ofSeconds(2), ofSeconds(4), ofSeconds(6), ofSeconds(7), ofSeconds(7));
    }

    @Test
    void hugeAttemptNumbersStayAtTheCapInsteadOfOverflowing() {
        assertThat(Backoff.of(DelayKind.EXPONENTIAL, ofSeconds(1), ofSeconds(30)).delay(64)).isEqualTo(ofSeconds(30));
        assertThat(Backoff.of(DelayKind.EXPONENTIAL, ofSeconds(1), ofSeconds(30)).delay(50)).isEqualTo(ofSeconds(30));
        assertThat(Backoff.of(DelayKind.LINEAR, ofMillis(Long.MAX_VALUE / 2), ofSeconds(30)).delay(3))
                .isEqualTo(ofSeconds(30));
    }

    @Test
    void proportionalJitterWithASeededGeneratorGivesAnExactSequence() {
        // SplittableRandom(42) draws 0.7416, 0.1599, 0.2786, 0.3442, 0.0380; each delay loses floor(d·0.25·draw)
        Backoff backoff = Backoff.of(DelayKind.EXPONENTIAL, ofSeconds(1), ofSeconds(30)).withJitter(0.25);

        assertThat(backoff.sequence(5, new SplittableRandom(42))).containsExactly(
                ofMillis(815), ofMillis(1921), ofMillis(3722), ofMillis(7312), ofMillis(15848));
    }

    @Test
    void fullJitterWithASeededGeneratorGivesAnExactSequence() {
        Backoff backoff = Backoff.of(DelayKind.EXPONENTIAL, ofSeconds(1), ofSeconds(5)).withFullJitter();

        assertThat(backoff.sequence(5, new SplittableRandom(42))).containsExactly(
                ofMillis(259), ofMillis(1681), ofMillis(2886), ofMillis(3280), ofMillis(4810));
    }

    @Test
    void jitterIsHandComputableAtTheExtremes() {
        Backoff linear = Backoff.of(DelayKind.LINEAR, ofSeconds(1), ofSeconds(60)).withJitter(0.5);

        assertThat(linear.delay(2, scripted(0.0))).isEqualTo(ofSeconds(2));
        assertThat(linear.delay(2, scripted(0.5))).isEqualTo(ofMillis(1500));
        assertThat(linear.delay(2, scripted(0.999_999))).isEqualTo(ofMillis(1001));
    }

    @Test
    void proportionalJitterStaysWithinItsBoundsOverManyDraws() {
        Backoff backoff = Backoff.of(DelayKind.LINEAR, ofSeconds(2), ofSeconds(20)).withJitter(0.2);
        SplittableRandom random = new SplittableRandom(7);

        for (int attempt = 1; attempt <= 12; attempt++) {
            long nominal = backoff.delay(attempt).toMillis();
            long lowest = Long.MAX_VALUE;
            long highest = 0;
            for (int draw = 0; draw < 2_000; draw++) {
                long jittered = backoff.delay(attempt, random).toMillis();
                lowest = Math.min(lowest, jittered);
                highest = Math.max(highest, jittered);
            }
            assertThat(lowest).isGreaterThan((long) (nominal * 0.8)).isLessThan((long) (nominal * 0.82));
            assertThat(highest).isLessThanOrEqualTo(nominal).isGreaterThan((long) (nominal * 0.98));
            assertThat(highest).isLessThanOrEqualTo(20_000);
        }
    }

    @Test
    void fullJitterSpreadsOverTheWholeRangeButNeverPastTheDelay() {
        Backoff backoff = Backoff.of(DelayKind.EXPONENTIAL, ofMillis(500), ofSeconds(8)).withFullJitter();
        SplittableRandom random = new SplittableRandom(11);
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        for (int draw = 0; draw < 5_000; draw++) {
            long jittered = backoff.delay(4, random).toMillis();
            lowest = Math.min(lowest, jittered);
            highest = Math.max(highest, jittered);
        }
        assertThat(lowest).isGreaterThan(0).isLessThan(50);
        assertThat(highest).isLessThanOrEqualTo(4_000).isGreaterThan(3_950);
    }

    @Test
    void noJitterMeansTheNominalDelay() {
        Backoff backoff = Backoff.of(DelayKind.EXPONENTIAL, ofSeconds(3), ofSeconds(60));

        assertThat(backoff.delay(3, new SplittableRandom(42))).isEqualTo(ofSeconds(12));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Backoff.of(DelayKind.FIXED, ofSeconds(1), ofSeconds(2)).delay(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.of(DelayKind.FIXED, Duration.ofSeconds(-1), ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.of(DelayKind.FIXED, ofSeconds(1), ofSeconds(2)).withJitter(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.of(DelayKind.FIXED, ofSeconds(1), ofSeconds(2)).withJitter(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
