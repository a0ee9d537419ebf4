package dev.switchboard.deliveries.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.deliveries.entity.WebhookDelivery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryFilterTest {

    @Test
    void aCursorCarriesTheLastItemsPosition() {
        Instant at = Instant.parse("2026-11-28T10:00:00.123456Z");
        WebhookDelivery last = new WebhookDelivery(Platform.JIRA, "x", "comment_created", null, null, "{}", "{}", at);
        DeliveryFilter.Position position = DeliveryFilter.decodeCursor(DeliveryFilter.cursorAfter(last));
        assertThat(position.receivedAt()).isEqualTo(at);
        assertThat(position.id()).isEqualTo(last.getId());
    }

    @Test
    void foreignCursorsAndLimitsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> DeliveryFilter.decodeCursor("!!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryFilter.decodeCursor("bm90LWEtY3Vyc29y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryFilter(null, null, null, null, null, 0, null, null))
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> new DeliveryFilter(null, null, null, null, null, 501, null, null))
                .hasMessageContaining("limit");
    }

    @Test
    void aTimeRangeMustRunForwards() {
        Instant from = Instant.parse("2026-11-28T10:00:00Z");
        assertThatThrownBy(() -> new DeliveryFilter(null, null, null, from, from, 50, null, null))
                .hasMessageContaining("before");
        assertThat(new DeliveryFilter(null, null, null, from, from.plusSeconds(1), 50, null, null).receivedTo())
                .isEqualTo(from.plusSeconds(1));
    }

    @Test
    void controlCharactersOverlongTextAndUnstorableTimesAreRefused() {
        assertThatThrownBy(() -> new DeliveryFilter(null, null, "push\u0000", null, null, 50, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event");
        assertThatThrownBy(() -> new DeliveryFilter(null, null, "e".repeat(201), null, null, 50, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryFilter(null, null, null, null, null, 50, Instant.EPOCH, "id\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> new DeliveryFilter(null, null, null, Instant.parse("+100000-01-01T00:00:00Z"), null, 50,
                null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> DeliveryFilter.decodeCursor("A".repeat(401))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DeliveryFilter(null, null, "e".repeat(200), null, null, 50, null, null).event()).hasSize(200);
    }
}
