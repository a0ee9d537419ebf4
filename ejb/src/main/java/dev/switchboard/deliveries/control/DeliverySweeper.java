package dev.switchboard.deliveries.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The safety net under the outbox and the queue: a delivery whose message never went out (the server stopped
 * between the commit and the {@link OutboxDispatcher}'s send, the broker was down or lost it, a retry's delayed
 * message vanished with a crashed broker) is queued again. Normally it finds nothing.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliverySweeper {

    private static final Logger LOG = Logger.getLogger(DeliverySweeper.class.getName());

    @Inject
    OverdueDeliveries overdue;

    /** How long a delivery may wait for its message before the sweeper sends another. */
    @Inject
    @ConfigProperty(name = "delivery.sweep.after.ms", defaultValue = "120000")
    long overdueMs;

    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * Never throws: an exception out of a timeout method has ended this timer before (a delivery then stayed
     * QUEUED for good), and the next sweep simply tries again. Outside a transaction, so that the failed sweep's
     * rollback is its own and not the timer's.
     */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void requeueOverdue() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous sweep is still at it (a slow database): its rows are locked anyway
        }
        try {
            int requeued = overdue.requeue(Instant.now().minusMillis(overdueMs));
            if (requeued > 0) {
                LOG.warning(() -> "re-queued " + requeued + " overdue deliveries");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sweep for overdue deliveries failed; the next one tries again", e);
        } finally {
            running.set(false);
        }
    }
}
