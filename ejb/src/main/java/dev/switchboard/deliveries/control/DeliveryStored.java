package dev.switchboard.deliveries.control;

/** A delivery row written QUEUED; observed after its transaction commits, when its message may be sent. */
public record DeliveryStored(String deliveryId) {
}
