package dev.switchboard.deliveries.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deliveries.entity.DeliveryStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryOutcomesTest {

    @Test
    void theOutcomeLineCarriesWhatOperatorsSearchBy() {
        Instant received = Instant.parse("2026-01-01T10:00:00Z");
        var outcome = new DeliveryOutcomes.Outcome("github", "6f1c", "d-42", "issue_comment.created",
                DeliveryStatus.PROCESSED, 2, received);
        assertThat(outcome.line(received.plusMillis(1234))).isEqualTo("delivery outcome platform=github id=6f1c"
                + " delivery=d-42 event=issue_comment.created status=PROCESSED attempts=2 latency_ms=1234");
    }

    @Test
    void aClockBehindTheReceiptGivesNoNegativeLatency() {
        Instant received = Instant.parse("2026-01-01T10:00:00Z");
        var outcome = new DeliveryOutcomes.Outcome("slack", "a", "b", "event_callback", DeliveryStatus.DEAD, 5, received);
        assertThat(outcome.line(received.minusSeconds(3))).endsWith("latency_ms=0");
    }
}
