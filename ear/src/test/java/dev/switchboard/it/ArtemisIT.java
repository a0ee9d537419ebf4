package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The same EAR on Payara Server with an external ActiveMQ Artemis broker instead of the embedded OpenMQ: a fresh
 * Artemis instance (loopback only, login required), a fresh Payara domain provisioned by the operators' script with
 * {@code --broker artemis://…} (its ports moved by 1100, next to the test server), its own PostgreSQL database.
 * Deliveries must go through Artemis (its queue counts them), and a broker killed with SIGKILL must show in readiness
 * while intake goes on, every delivery accepted meanwhile settling once after the broker's restart, and poison ones
 * ending DEAD after exactly their attempts although the broker dies again between them. Runs in the {@code artemis}
 * profile, which unpacks the broker; the secrets and retry settings come from the failsafe environment, the retry
 * delay is longer for this domain.
 */
@EnabledIfSystemProperty(named = "artemis.home", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArtemisIT {

    private static final int OFFSET = 1100;
    private static final URI BASE = URI.create("http://127.0.0.1:" + (8080 + OFFSET));
    private static final String ADMIN_PORT = String.valueOf(4848 + OFFSET);
    private static final String DOMAIN = "switchboard-artemis-it";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/switchboard_artemis_it";
    private static final int BROKER_PORT = 61716;
    /** DELIVERY_MAX_ATTEMPTS in ear/pom.xml's failsafe environment, which this domain inherits. */
    private static final int MAX_ATTEMPTS = 3;
    /**
     * Instead of the suite's 500 ms: a poison delivery then waits 3 s after its first attempt and 6 s after its
     * second, long enough to kill the broker while the retry waits in it, without a race.
     */
    private static final Duration RETRY_DELAY = Duration.ofSeconds(3);
    private static final SecondServer SERVER = new SecondServer(BASE, DB_URL);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path work;
    private static Path asadmin;
    private static ArtemisBroker broker;
    private static boolean domainStarted;

    @BeforeAll
    static void startBrokerAndPayara() throws Exception {
        work = Files.createDirectories(Path.of("target", "artemis-it").toAbsolutePath());
        Path payara = Path.of(System.getProperty("payara.home")).toAbsolutePath();
        asadmin = payara.resolve("bin/asadmin");
        assertThat(SERVER.answers()).as("something already listens at %s: a Payara left running?", BASE).isFalse();

        // a fresh broker instance each run: its queues are created with it, clients must sign in
        broker = ArtemisBroker.create(Path.of(System.getProperty("artemis.home")), work, BROKER_PORT);
        broker.start();

        run(Duration.ofSeconds(300), "bash", System.getProperty("payara.provision"),
                "--payara-home", payara.toString(), "--domain", DOMAIN, "--keys", System.getProperty("switchboard.keys"),
                "--db-url", DB_URL, "--recreate-database", "--port-offset", String.valueOf(OFFSET),
                "--config-cache-seconds", "0",
                "--config-property", "token.encryption.keys=k1:" + System.getProperty("switchboard.it.key1"),
                "--broker", broker.url(), "--broker-user", ArtemisBroker.USER,
                "--broker-password", broker.password(), "--artemis-rar", System.getProperty("artemis.rar"));
        run(Duration.ofSeconds(180), Map.of("DELIVERY_RETRY_DELAY_MS", String.valueOf(RETRY_DELAY.toMillis())),
                asadmin.toString(), "start-domain", DOMAIN); // the domain's JVM inherits asadmin's environment
        domainStarted = true;
        run(Duration.ofSeconds(300), asadmin.toString(), "--port", ADMIN_PORT, "deploy", "--name", "switchboard",
                Path.of(System.getProperty("switchboard.ear")).toAbsolutePath().toString());
        SERVER.awaitReadiness(body -> body.contains("\"name\":\"serving\",\"status\":\"UP\"")
                && body.contains("\"name\":\"database\",\"status\":\"UP\""), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopPayaraAndBroker() throws Exception {
        try {
            if (domainStarted) {
                // killed: with the broker gone for a while, a graceful stop waits for the adapter's teardown beyond asadmin's 60 s
                run(Duration.ofSeconds(120), asadmin.toString(), "stop-domain", "--kill=true", DOMAIN);
            }
        } finally {
            if (broker != null) {
                broker.stop();
            }
        }
    }

    @Test
    @Order(1)
    void deliveriesGoThroughTheArtemisBrokerAndSettleOnce() throws Exception {
        long addedBefore = broker.queueStat(ArtemisBroker.DELIVERIES).messagesAdded();
        List<String> ids = sendDeliveries("artemis-", 5);

        for (String id : ids) {
            assertThat(SERVER.awaitStatus(id, Duration.ofSeconds(60))).isEqualTo("IGNORED");
            assertThat(SERVER.queryInt("select count(*) from webhook_delivery where delivery_id = ?", id)).isEqualTo(1);
            assertThat(SERVER.queryInt("select attempts from webhook_delivery where delivery_id = ?", id)).isEqualTo(1);
        }
        ArtemisBroker.QueueStat deliveries = broker.queueStat(ArtemisBroker.DELIVERIES);
        // the listeners consume from Artemis (not an embedded OpenMQ): Artemis counted a message per delivery
        assertThat(deliveries.consumers()).isPositive();
        assertThat(deliveries.messagesAdded() - addedBefore).isGreaterThanOrEqualTo(ids.size());
        assertThat(SERVER.readiness()).contains("\"name\":\"broker\",\"status\":\"UP\"");
    }

    @Test
    @Order(2)
    void aKilledBrokerShowsInReadinessAndWhatIntakeAcceptedMeanwhileSettlesOnceAfterItsRestart() throws Exception {
        killBroker();

        String down = awaitBrokerCheck("DOWN");
        assertThat(down).contains("\"name\":\"database\",\"status\":\"UP\"");
        assertThat(readinessStatus()).isEqualTo(503);

        // intake goes on: the transactional outbox stores each delivery QUEUED and answers 202
        List<String> ids = sendDeliveries("artemis-down-", 5);
        Thread.sleep(2000);
        for (String id : ids) {
            assertThat(SERVER.queryString("select status from webhook_delivery where delivery_id = ?", id)).isEqualTo("QUEUED");
        }

        broker.start();
        awaitBrokerCheck("UP");
        for (String id : ids) {
            assertThat(SERVER.awaitStatus(id, Duration.ofSeconds(90))).isEqualTo("IGNORED");
        }
        for (String id : ids) {
            assertThat(SERVER.queryInt("select count(*) from webhook_delivery where delivery_id = ?", id)).isEqualTo(1);
            assertThat(SERVER.queryInt("select attempts from webhook_delivery where delivery_id = ?", id))
                    .as("processing attempts of %s", id).isEqualTo(1);
        }
        assertThat(broker.queueStat(ArtemisBroker.DELIVERIES).messagesAdded()).isGreaterThanOrEqualTo(ids.size());
        assertThat(readinessStatus()).isEqualTo(200);
    }

    /**
     * Poison deliveries sent while the broker is down, mixed with good ones; after the broker's restart, as soon as
     * a poison delivery has failed its first attempt (its retry now a delayed message in the broker), the broker is
     * killed again and restarted. However its retries reach it (the broker's journal, the sweeper), each poison
     * delivery gets exactly its attempts and stays DEAD; each good one is processed once.
     */
    @Test
    @Order(3)
    void poisonDeliveriesAcceptedWhileTheBrokerIsDownGoDeadAfterTheirAttemptsThoughTheBrokerDiesMidRetry() throws Exception {
        killBroker();
        awaitBrokerCheck("DOWN");
        String run = "artemis-poison-" + UUID.randomUUID() + "-";
        String poisonIds = run + "p%";
        List<String> poison = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i % 3 == 0) {
                poison.add(accepted(Sample.githubPoison(run + "p" + i)));
            }
            good.add(accepted(Sample.githubIssueComment(run + "g" + i, "It fails on my machine too.")));
        }
        for (String id : concat(poison, good)) {
            assertThat(SERVER.queryString("select status from webhook_delivery where delivery_id = ?", id)).isEqualTo("QUEUED");
        }

        broker.start();
        awaitPoison(poisonIds, "status = 'FAILED' and attempts = 1", Duration.ofSeconds(90));
        killBroker();
        // it died mid-retry: using up the attempts takes 3 s + 6 s of retry delay, and without the broker none starts
        assertThat(countPoison(poisonIds, "status = 'FAILED'")).as("poison deliveries waiting for a retry").isPositive();
        assertThat(countPoison(poisonIds, "status = 'DEAD'")).as("poison deliveries out of attempts").isZero();
        awaitBrokerCheck("DOWN");
        broker.start();
        awaitBrokerCheck("UP");

        for (String id : poison) {
            assertThat(SERVER.awaitStatus(id, Duration.ofSeconds(120))).as(id).isEqualTo("DEAD");
            assertThat(SERVER.queryString("select last_error from webhook_delivery where delivery_id = ?", id))
                    .as("last error of %s", id).isNotBlank();
        }
        for (String id : good) {
            assertThat(SERVER.awaitStatus(id, Duration.ofSeconds(60))).as(id).isEqualTo("IGNORED");
            assertThat(attempts(id)).as("processing attempts of %s", id).isEqualTo(1);
        }
        Thread.sleep(2000); // a late retry message would be processed by now
        for (String id : poison) {
            assertThat(SERVER.queryString("select status from webhook_delivery where delivery_id = ?", id))
                    .as("dead stays dead: %s", id).isEqualTo("DEAD");
            assertThat(attempts(id)).as("processing attempts of %s", id).isEqualTo(MAX_ATTEMPTS);
        }
        for (String id : concat(poison, good)) {
            assertThat(SERVER.queryInt("select count(*) from webhook_delivery where delivery_id = ?", id)).isEqualTo(1);
        }
        assertThat(readinessStatus()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void noLogLineOfTheDomainCarriesASecret() throws Exception {
        Path domain = Path.of(System.getProperty("payara.home"), "glassfish", "domains", DOMAIN);
        assertThat(LeakScanIT.secretsInServerLogs(domain, broker.password())).isEmpty();
    }

    private static List<String> sendDeliveries(String prefix, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(accepted(Sample.githubIssueComment(prefix + UUID.randomUUID(), "It fails on my machine too.")));
        }
        return ids;
    }

    /** Sends it to the domain, expects 202 and answers its delivery id. */
    private static String accepted(Sample sample) throws Exception {
        HttpResponse<String> response = SERVER.send(sample);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return sample.deliveryId();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static int attempts(String deliveryId) throws Exception {
        return SERVER.queryInt("select attempts from webhook_delivery where delivery_id = ?", deliveryId);
    }

    /** How many deliveries whose id is like {@code idPattern} meet the SQL condition {@code where}. */
    private static int countPoison(String idPattern, String where) throws Exception {
        return SERVER.queryInt("select count(*) from webhook_delivery where delivery_id like ? and " + where, idPattern);
    }

    private static void awaitPoison(String idPattern, String where, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (countPoison(idPattern, where) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no delivery like " + idPattern + " with " + where + " within " + timeout);
            }
            Thread.sleep(100); // well inside the retry delay, so the broker dies long before the next attempt
        }
    }

    private static void killBroker() throws Exception {
        assertThat(broker.kill()).isTrue();
    }

    private static String awaitBrokerCheck(String status) throws Exception {
        return SERVER.awaitReadiness(body -> body.contains("\"name\":\"broker\",\"status\":\"" + status + "\""),
                Duration.ofSeconds(90));
    }

    private static String run(Duration timeout, String... command) throws Exception {
        return Commands.run(work, timeout, command);
    }

    private static String run(Duration timeout, Map<String, String> environment, String... command) throws Exception {
        return Commands.run(work, timeout, environment, command);
    }

    private static int readinessStatus() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(BASE.resolve("/health/ready")).timeout(Duration.ofSeconds(60)).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
