package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.WebhookDelivery;
import java.util.List;

/** One page of deliveries, newest first, and the cursor of the next page (null on the last). */
public record DeliveryPage(List<WebhookDelivery> items, String next) {
}
