package dev.switchboard.deliveries.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Committed delivery ids waiting for their JMS message, handed out in batches to one drainer at a time. Bounded:
 * past its capacity an id is refused, and its row, still QUEUED, is left to {@link DeliverySweeper}.
 */
final class OutboxBuffer {

    enum Offer { START_DRAINING, TAKEN, FULL }

    private final ArrayDeque<String> ids = new ArrayDeque<>();
    private final int capacity;
    private final int batchSize;
    private boolean draining;

    OutboxBuffer(int capacity, int batchSize) {
        this.capacity = capacity;
        this.batchSize = batchSize;
    }

    /** START_DRAINING tells the caller it must start the drainer: none is running, and none will see this id. */
    synchronized Offer offer(String id) {
        if (ids.size() >= capacity) {
            return Offer.FULL;
        }
        ids.add(id);
        if (draining) {
            return Offer.TAKEN;
        }
        draining = true;
        return Offer.START_DRAINING;
    }

    /**
     * Up to a batch of ids. Empty means the drainer must stop: it is marked stopped in the same step, so an id
     * offered right after starts a new one instead of waiting for a drainer that is leaving.
     */
    synchronized List<String> nextBatch() {
        if (ids.isEmpty()) {
            draining = false;
            return List.of();
        }
        List<String> batch = new ArrayList<>(Math.min(batchSize, ids.size()));
        while (batch.size() < batchSize && !ids.isEmpty()) {
            batch.add(ids.poll());
        }
        return batch;
    }

    /** The drainer could not run or died: the next offer starts another, and the ids held so far go with it. */
    synchronized void drainerStopped() {
        draining = false;
    }

    synchronized int size() {
        return ids.size();
    }
}
