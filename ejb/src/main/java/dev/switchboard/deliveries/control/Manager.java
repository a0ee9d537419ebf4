package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.Platform;

/**
 * A platform's event handler (the seed's "manager"): parses a stored delivery into a typed event and
 * decides what it asks for. Throwing means "try again later": the delivery is retried with backoff and
 * finally marked DEAD. A delivery that can never succeed (say, an event type we do not handle) is
 * {@link Outcome#ignored ignored} with the reason instead.
 */
public interface Manager {

    Platform platform();

    /**
     * @param event   the event type as stored (see {@link Reception.Delivery#event()})
     * @param payload the stored JSON payload
     */
    Outcome receive(String event, String payload) throws Exception;

    /**
     * The same, for managers whose work has side effects that must happen once per delivery (starting a
     * job): {@code deliveryId} is the stored delivery's id, stable across retries and replays, their
     * idempotency key.
     */
    default Outcome receive(String deliveryId, String event, String payload) throws Exception {
        return receive(event, payload);
    }
}
