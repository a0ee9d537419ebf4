package dev.switchboard.it;

import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With the database unreachable nothing is acknowledged: 503, and the platform's redelivery is accepted later. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageIT.class.getName());

    static {
        ProviderStubs.start(); // the sample's GitHub (installation 4242) answers processing
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void intakeAnswers503WhileTheDatabaseIsDownAndAcceptsTheRedeliveryAfterwards() throws Exception {
        Sample sample = Sample.githubIssueComment("it-outage-" + System.nanoTime(), "@openhands hello");
        String database = databaseName();
        try {
            admin("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND pid <> pg_backend_pid()");
            HttpResponse<String> refused = sample.send();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(json(refused.body()).getString("error")).isNotBlank();
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(Server.get("/health/ready", null).statusCode()).isEqualTo(503);
            assertThat(databaseCheck()).isEqualTo("DOWN");
        } finally {
            admin("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
        }
        awaitReady();
        assertThat(Database.countByDeliveryId("github", sample.deliveryId())).isZero();
        HttpResponse<String> redelivered = sample.send();
        assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(202);
        Database.awaitStatus(json(redelivered.body()).getString("id"), java.time.Duration.ofSeconds(30), "IGNORED");
    }

    /**
     * Under a steady load the database goes away for a few seconds and comes back: every delivery answered 202 is in
     * the database and is processed, everything else was answered 503 (never a 500, never a 202 for a row that is not
     * there), readiness is down meanwhile, and the platform's redelivery of each refused one is accepted afterwards.
     */
    @Test
    void underLoadAnOutageRefusesWith503AndLosesNothingThatWasAcknowledged() throws Exception {
        String database = databaseName();
        String run = "it-outage-load-" + System.nanoTime() + "-";
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        Map<String, String> stored = new ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            running.add(senders.submit(() -> {
                while (sending.get()) {
                    Sample sample = Sample.githubIssueComment(run + next.incrementAndGet(), "load during an outage");
                    HttpResponse<String> response = sample.send();
                    answers.put(sample.deliveryId(), response.statusCode());
                    if (response.statusCode() == 202) {
                        stored.put(sample.deliveryId(), json(response.body()).getString("id"));
                    }
                }
                return null;
            }));
        }
        boolean readinessWentDown;
        try {
            Database.sleep(2000);
            admin("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND pid <> pg_backend_pid()");
            Database.sleep(1500);
            readinessWentDown = Server.get("/health/ready", null).statusCode() == 503;
            Database.sleep(1500);
        } finally {
            admin("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
        }
        Database.sleep(3000);
        sending.set(false);
        for (Future<?> sender : running) {
            sender.get(1, TimeUnit.MINUTES);
        }
        senders.shutdown();

        assertThat(readinessWentDown).as("/health/ready during the outage").isTrue();
        assertThat(answers.values()).as("answers by status").containsOnly(202, 503).contains(202, 503);
        List<String> refused = answers.entrySet().stream().filter(a -> a.getValue() == 503).map(Map.Entry::getKey)
                .toList();
        LOG.info(answers.size() + " deliveries sent, " + refused.size() + " refused with 503");
        for (Map.Entry<String, String> accepted : stored.entrySet()) {
            assertThat(Database.countByDeliveryId("github", accepted.getKey())).as(accepted.getKey()).isEqualTo(1);
            Database.awaitStatus(accepted.getValue(), Duration.ofSeconds(60), "IGNORED");
        }
        // the platform redelivers what it was refused: each is stored once and processed
        for (String deliveryId : refused) {
            HttpResponse<String> redelivered = Sample.githubIssueComment(deliveryId, "load during an outage").send();
            assertThat(redelivered.statusCode()).as(redelivered.body()).isIn(200, 202);
            Database.awaitStatus(json(redelivered.body()).getString("id"), Duration.ofSeconds(60), "IGNORED");
            assertThat(Database.countByDeliveryId("github", deliveryId)).isEqualTo(1);
        }
    }

    /** Readiness's database check comes back by itself once the database takes connections again. */
    private static void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = databaseCheck();
        while (!"UP".equals(status) && System.nanoTime() < deadline) {
            Database.sleep(250);
            status = databaseCheck();
        }
        assertThat(status).as("the database check of /health/ready").isEqualTo("UP");
    }

    private static String databaseCheck() {
        return HealthChecksIT.check(json(Server.get("/health/ready", null).body()), "database").getString("status");
    }

    private static String databaseName() {
        return System.getProperty("switchboard.db.url").replaceAll(".*/", "").replaceAll("\\?.*", "");
    }

    /** Statements about the test database are run from the maintenance database. */
    private static void admin(String sql) throws SQLException {
        String url = System.getProperty("switchboard.db.url").replaceAll("/[^/?]+(\\?.*)?$", "/postgres");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
