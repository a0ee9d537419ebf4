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
}
