package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transactional outbox: 202 means the delivery is committed QUEUED, its JMS message follows after the commit,
 * and the sweeper is the net under a message that never went out — without two sweeps taking the same row, and
 * without one failed sweep ending the sweeps (DELIVERY_SWEEP_AFTER_MS is 3 s here, sweeps every 10 s).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboxIT {

    static {
        ProviderStubs.start(); // the sample's GitHub (installation 4242) answers processing
    }

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final long OVERDUE_MS = 3000;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void a202MeansCommittedQueuedAndTheMessageFollowsWithoutTheSweeper() throws Exception {
        String run = "it-outbox-" + System.nanoTime() + "-";
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<String>> accepted = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                Sample sample = Sample.githubIssueComment(run + i, "just a remark");
                accepted.add(senders.submit(() -> {
                    String id = sample.accepted();
                    // committed before the answer: visible to another connection the moment 202 arrives
                    assertThat(Database.row(id)).as("row of " + id + " when its 202 arrived").isPresent();
                    return id;
                }));
            }
            int promptly = 0;
            for (Future<String> future : accepted) {
                Map<String, Object> row = Database.awaitStatus(future.get(), WAIT, "IGNORED", "PROCESSED", "DEAD");
                assertThat(row.get("status")).isEqualTo("IGNORED");
                assertThat(row.get("attempts")).as("processed once").isEqualTo(1);
                long took = ((Timestamp) row.get("updated_at")).getTime() - ((Timestamp) row.get("received_at")).getTime();
                promptly += took < OVERDUE_MS ? 1 : 0;
            }
            // a delivery the sweeper re-queued ends at least OVERDUE_MS after it was received: these had the
            // outbox's message (all of them, unless the machine stalled for seconds)
            assertThat(promptly).as("deliveries processed before the sweeper could have sent them").isGreaterThan(30);
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aSweepSkipsARowAnotherSweepHoldsAndTakesItOnceReleased() throws Exception {
        String run = "it-held-" + System.nanoTime() + "-";
        // the held row is the older one: a sweep that waited for its lock would send neither
        String held = Database.insertQueuedWithoutMessage(run + "held",
                Sample.githubIssueComment(run + "held", "just a remark"), Duration.ofHours(1));
        String free = Database.insertQueuedWithoutMessage(run + "free",
                Sample.githubIssueComment(run + "free", "just a remark"), Duration.ofMinutes(30));
        try (Connection otherSweep = Database.connect()) {
            otherSweep.setAutoCommit(false);
            try (PreparedStatement lock = otherSweep.prepareStatement(
                    "select id from webhook_delivery where id = ? for update")) {
                lock.setString(1, held);
                lock.executeQuery().close();
            }
            Database.awaitStatus(free, WAIT, "IGNORED");
            Map<String, Object> stillHeld = Database.row(held).orElseThrow();
            assertThat(stillHeld.get("status")).as("the held row is left to its holder").isEqualTo("QUEUED");
            assertThat(stillHeld.get("version")).isEqualTo(0);
            otherSweep.rollback();
        }
        assertThat(Database.awaitStatus(held, WAIT, "IGNORED").get("attempts")).isEqualTo(1);
    }

    @Test
    void aFailedSweepDoesNotEndTheSweeps() throws Exception {
        String prefix = "it-sweepfail-" + System.nanoTime();
        String failedLine = "sweep for overdue deliveries failed";
        long failuresBefore = ServerLog.all().lines().filter(l -> l.contains(failedLine)).count();
        String id;
        try (AutoCloseable refusal = refuseRequeue(prefix)) {
            id = Database.insertQueuedWithoutMessage(prefix, Sample.githubIssueComment(prefix, "just a remark"),
                    Duration.ofMinutes(5));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (ServerLog.all().lines().filter(l -> l.contains(failedLine)).count() == failuresBefore) {
                assertThat(System.nanoTime()).as("a sweep failed within " + WAIT).isLessThan(deadline);
                Database.sleep(500);
            }
            assertThat(Database.row(id).orElseThrow().get("status")).isEqualTo("QUEUED");
        }
        assertThat(Database.awaitStatus(id, WAIT, "IGNORED").get("attempts")).isEqualTo(1);
    }

    /** Makes every sweep that takes the delivery fail at its commit, as a database fault would. */
    private static AutoCloseable refuseRequeue(String prefix) {
        String name = "it_refuse_requeue";
        Database.execute("""
                CREATE OR REPLACE FUNCTION %1$s() RETURNS trigger AS $$
                BEGIN
                  IF NEW.delivery_id = '%2$s' AND OLD.status = 'QUEUED' AND NEW.status = 'QUEUED' THEN
                    RAISE EXCEPTION 'it: re-queue refused';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(name, prefix));
        Database.execute("DROP TRIGGER IF EXISTS " + name + " ON webhook_delivery");
        Database.execute("CREATE TRIGGER " + name + " BEFORE UPDATE ON webhook_delivery FOR EACH ROW EXECUTE FUNCTION "
                + name + "()");
        return () -> Database.execute("DROP TRIGGER IF EXISTS " + name + " ON webhook_delivery");
    }
}
