package dev.switchboard.deliveries.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's relay: sends the JMS messages of committed deliveries, many per broker transaction, on one
 * managed thread, so the request that stored a delivery never waits for the broker. What is lost here (a failed
 * send, a full buffer, a crash before the send) is a row still QUEUED, which {@link DeliverySweeper} queues
 * again once it is overdue; a message sent twice is harmless, because {@link DeliveryProcessor} processes a
 * delivery once under its row lock.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    /** Messages per broker transaction: large enough to amortise its commit, small enough to retry cheaply. */
    static final int BATCH = 200;
    /** About 4 MB of ids: a broker outage of a minute at the target rate, without growing the heap unbounded. */
    static final int CAPACITY = 100_000;

    @Inject
    DeliveryQueue queue;

    @Resource
    ManagedExecutorService executor;

    private final OutboxBuffer buffer = new OutboxBuffer(CAPACITY, BATCH);

    /** Called only after the storing transaction committed: a message never names a row that is not there. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryStored stored) {
        switch (buffer.offer(stored.deliveryId())) {
            case START_DRAINING -> startDraining();
            case FULL -> LOG.fine(() -> "outbox buffer full; the sweeper queues " + stored.deliveryId());
            case TAKEN -> { }
        }
    }

    private void startDraining() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            buffer.drainerStopped();
            LOG.log(Level.WARNING, "outbox drainer not started; " + buffer.size()
                    + " deliveries wait for the next one or the sweeper", e);
        }
    }

    void drain() {
        boolean finished = false;
        try {
            for (List<String> batch = buffer.nextBatch(); !batch.isEmpty(); batch = buffer.nextBatch()) {
                send(batch);
            }
            finished = true;
        } finally {
            if (!finished) {
                buffer.drainerStopped();
            }
        }
    }

    private void send(List<String> batch) {
        try {
            queue.nudgeCommitted(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "messages for " + batch.size()
                    + " committed deliveries not sent; the sweeper queues them once overdue", e);
        }
    }
}
