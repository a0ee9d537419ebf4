package dev.switchboard.deliveries.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration BASE = Duration.ofSeconds(10);

    private static WebhookDelivery delivery() {
        return new WebhookDelivery(Platform.GITHUB, "d-1", "issue_comment", "created", "4242", "{}", "{\"a\":1}", T0);
    }

    @Test
    void aNewDeliveryIsQueuedWithNoAttempts() {
        WebhookDelivery d = delivery();
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(d.getAttempts()).isZero();
        assertThat(d.getId()).hasSize(36);
        assertThat(d.getReceivedAt()).isEqualTo(T0);
    }

    @Test
    void startCountsTheAttemptAndProcessedRecordsWhatWasDone() {
        WebhookDelivery d = delivery();
        assertThat(d.start(T0.plusSeconds(1))).isTrue();
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.PROCESSING);
        assertThat(d.getAttempts()).isEqualTo(1);
        d.processed("a job would be requested", T0.plusSeconds(2));
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.PROCESSED);
        assertThat(d.getOutcome()).isEqualTo("a job would be requested");
        assertThat(d.getUpdatedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void aFinishedDeliveryDoesNotStartAgain() {
        WebhookDelivery d = delivery();
        d.start(T0);
        d.ignored("not for us", T0);
        assertThat(d.start(T0.plusSeconds(5))).isFalse();
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.IGNORED);
        assertThat(d.getAttempts()).isEqualTo(1);
    }

    @Test
    void anOutcomeWithoutAStartIsAProgrammingError() {
        assertThatThrownBy(() -> delivery().processed("x", T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failuresBackOffExponentiallyUntilTheDeliveryIsDead() {
        WebhookDelivery d = delivery();
        // each failed attempt rolled back its start(): the failure itself counts it
        assertThat(d.failed("boom 1", 3, BASE, T0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.getNextAttemptAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(d.failed("boom 2", 3, BASE, T0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(d.getAttempts()).isEqualTo(2);
        assertThat(d.failed("boom 3", 3, BASE, T0)).isNull();
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(d.getAttempts()).isEqualTo(3);
        assertThat(d.getLastError()).isEqualTo("boom 3");
        assertThat(d.getNextAttemptAt()).isNull();
        assertThat(d.start(T0)).as("dead waits for a replay").isFalse();
    }

    @Test
    void aPostponedDeliveryWaitsOutTheLimitWithoutUsingAnAttempt() {
        WebhookDelivery d = delivery();
        d.failed("boom 1", 3, BASE, T0);
        // the attempt that met the limit was rolled back: only the postponement is recorded
        for (int i = 0; i < 10; i++) {
            d.postponed("stripe rate limit: try again in 120 s", Duration.ofSeconds(120), T0);
        }
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.getAttempts()).as("a limit never makes a delivery DEAD").isEqualTo(1);
        assertThat(d.getLastError()).contains("rate limit");
        assertThat(d.getNextAttemptAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(d.start(T0.plusSeconds(120))).isTrue();
    }

    @Test
    void aFailureRecordedWhileProcessingDoesNotCountTheAttemptTwice() {
        WebhookDelivery d = delivery();
        d.start(T0);
        d.failed("boom", 5, BASE, T0);
        assertThat(d.getAttempts()).isEqualTo(1);
    }

    @Test
    void replaySendsADeadDeliveryRoundAgainWithAFreshBudget() {
        WebhookDelivery d = delivery();
        d.failed("boom", 1, BASE, T0);
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.DEAD);
        d.replay(T0.plusSeconds(60));
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(d.getAttempts()).isZero();
        assertThat(d.start(T0.plusSeconds(61))).isTrue();
        d.processed("done", T0.plusSeconds(62));
        assertThat(d.getLastError()).isNull();
    }

    @Test
    void longTextsAreClipped() {
        WebhookDelivery d = delivery();
        d.failed("x".repeat(5000), 5, BASE, T0);
        assertThat(d.getLastError()).hasSize(WebhookDelivery.MAX_TEXT).endsWith("…");
    }

    @Test
    void platformsAreFoundByTheirPathName() {
        assertThat(Platform.fromId("GitLab")).contains(Platform.GITLAB);
        assertThat(Platform.fromId("myspace")).isEmpty();
        assertThat(Platform.SLACK.id()).isEqualTo("slack");
    }
}
