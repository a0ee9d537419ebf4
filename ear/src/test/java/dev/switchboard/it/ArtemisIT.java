package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final String BROKER_URL = "tcp://127.0.0.1:" + BROKER_PORT;
    private static final String BROKER_USER = "switchboard";
    private static final String BROKER_PASSWORD = UUID.randomUUID().toString();
    private static final String DELIVERIES = "SwitchboardDeliveries";
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
    private static Path artemis;
    private static Path asadmin;
    private static Path instance;
    private static Process broker;
    private static boolean domainStarted;

    @BeforeAll
    static void startBrokerAndPayara() throws Exception {
        work = Files.createDirectories(Path.of("target", "artemis-it").toAbsolutePath());
        artemis = Path.of(System.getProperty("artemis.home")).toAbsolutePath();
        Path payara = Path.of(System.getProperty("payara.home")).toAbsolutePath();
        asadmin = payara.resolve("bin/asadmin");
        assertThat(SERVER.answers()).as("something already listens at %s: a Payara left running?", BASE).isFalse();

        // a fresh broker instance each run: its queues are created with it, clients must sign in
        instance = work.resolve("broker");
        run(Duration.ofSeconds(120), "bash", artemis.resolve("bin/artemis").toString(), "create", instance.toString(),
                "--force", "--silent", "--user", BROKER_USER, "--password", BROKER_PASSWORD, "--require-login",
                "--host", "127.0.0.1", "--default-port", String.valueOf(BROKER_PORT), "--no-web",
                "--no-amqp-acceptor", "--no-hornetq-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                "--java-memory", "512M", "--queues", DELIVERIES + ":anycast,SwitchboardCallbacks:anycast");
        startBroker();

        run(Duration.ofSeconds(300), "bash", System.getProperty("payara.provision"),
                "--payara-home", payara.toString(), "--domain", DOMAIN, "--keys", System.getProperty("switchboard.keys"),
                "--db-url", DB_URL, "--recreate-database", "--port-offset", String.valueOf(OFFSET),
                "--config-cache-seconds", "0",
                "--config-property", "token.encryption.keys=k1:" + System.getProperty("switchboard.it.key1"),
                "--broker", "artemis://127.0.0.1:" + BROKER_PORT, "--broker-user", BROKER_USER,
                "--broker-password", BROKER_PASSWORD, "--artemis-rar", System.getProperty("artemis.rar"));
        run(Duration.ofSeconds(180), Map.of("DELIVERY_RETRY_DELAY_MS", String.valueOf(RETRY_DELAY.toMillis())),
                asadmin.toString(), "start-domain", DOMAIN); // the domain's JVM inherits asadmin's environment
        domainStarted = true;
        run(Duration.ofSeconds(300), asadmin.toString(), "--port", ADMIN_PORT, "deploy", "--name", "switchboard",
                Path.of(System.getProperty("switchboard.ear")).toAbsolutePath().toString());
        awaitReadiness(body -> body.contains("\"name\":\"database\",\"status\":\"UP\""), Duration.ofSeconds(120));
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
                broker.destroy();
                if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                    broker.destroyForcibly();
                }
            }
        }
    }

    @Test
    @Order(1)
    void deliveriesGoThroughTheArtemisBrokerAndSettleOnce() throws Exception {
        long addedBefore = brokerQueueStat(DELIVERIES).messagesAdded();
        List<String> ids = sendDeliveries("artemis-", 5);

        for (String id : ids) {
            assertThat(SERVER.awaitStatus(id, Duration.ofSeconds(60))).isEqualTo("IGNORED");
            assertThat(SERVER.queryInt("select count(*) from webhook_delivery where delivery_id = ?", id)).isEqualTo(1);
            assertThat(SERVER.queryInt("select attempts from webhook_delivery where delivery_id = ?", id)).isEqualTo(1);
        }
        QueueStat deliveries = brokerQueueStat(DELIVERIES);
        // the listeners consume from Artemis (not an embedded OpenMQ): Artemis counted a message per delivery
        assertThat(deliveries.consumers()).isPositive();
        assertThat(deliveries.messagesAdded() - addedBefore).isGreaterThanOrEqualTo(ids.size());
        assertThat(readiness()).contains("\"name\":\"broker\",\"status\":\"UP\"");
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

        startBroker();
        awaitBrokerCheck("UP");
        for (String id : ids) {
            assertThat(SERVER.awaitStatus(id, Duration.ofSeconds(90))).isEqualTo("IGNORED");
        }
        for (String id : ids) {
            assertThat(SERVER.queryInt("select count(*) from webhook_delivery where delivery_id = ?", id)).isEqualTo(1);
            assertThat(SERVER.queryInt("select attempts from webhook_delivery where delivery_id = ?", id))
                    .as("processing attempts of %s", id).isEqualTo(1);
        }
        assertThat(brokerQueueStat(DELIVERIES).messagesAdded()).isGreaterThanOrEqualTo(ids.size());
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

        startBroker();
        awaitPoison(poisonIds, "status = 'FAILED' and attempts = 1", Duration.ofSeconds(90));
        killBroker();
        // it died mid-retry: using up the attempts takes 3 s + 6 s of retry delay, and without the broker none starts
        assertThat(countPoison(poisonIds, "status = 'FAILED'")).as("poison deliveries waiting for a retry").isPositive();
        assertThat(countPoison(poisonIds, "status = 'DEAD'")).as("poison deliveries out of attempts").isZero();
        awaitBrokerCheck("DOWN");
        startBroker();
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

    /** SIGKILL: {@code artemis run} execs the broker's JVM, so this is the broker itself, not a launcher. */
    private static void killBroker() throws Exception {
        broker.destroyForcibly();
        assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static String awaitBrokerCheck(String status) throws Exception {
        return awaitReadiness(body -> body.contains("\"name\":\"broker\",\"status\":\"" + status + "\""),
                Duration.ofSeconds(90));
    }

    private static void startBroker() throws Exception {
        Path log = work.resolve("broker.log");
        broker = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", BROKER_PORT)) {
                return;
            } catch (IOException notYet) {
                if (!broker.isAlive()) {
                    throw new AssertionError("Artemis exited with " + broker.exitValue() + "; see " + log);
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("Artemis did not listen on " + BROKER_PORT + " within 60 s; see " + log);
    }

    record QueueStat(long consumers, long messagesAdded) {
    }

    private static final Pattern STAT_ROW = Pattern.compile("^\\|([^|\\s]+)\\s*\\|[^|]*\\|\\s*(\\d+)\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)\\s*\\|");

    /** The queue's consumers and messages added since the broker started, as Artemis's own CLI reports them. */
    private static QueueStat brokerQueueStat(String queue) throws Exception {
        String out = run(Duration.ofSeconds(60), instance.resolve("bin/artemis").toString(), "queue", "stat",
                "--url", BROKER_URL, "--user", BROKER_USER, "--password", BROKER_PASSWORD, "--queueName", queue);
        for (String line : out.split("\n")) {
            Matcher row = STAT_ROW.matcher(line);
            if (row.find() && row.group(1).equals(queue)) {
                return new QueueStat(Long.parseLong(row.group(2)), Long.parseLong(row.group(3)));
            }
        }
        throw new AssertionError("no row for " + queue + " in: " + out);
    }

    private static String run(Duration timeout, String... command) throws Exception {
        return run(timeout, Map.of(), command);
    }

    /** Runs the command with these variables added to this JVM's environment (the failsafe one). */
    private static String run(Duration timeout, Map<String, String> environment, String... command) throws Exception {
        Path out = Files.createTempFile(work, "command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + "; see " + out);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
        return output;
    }

    private static String readiness() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(BASE.resolve("/health/ready")).timeout(Duration.ofSeconds(60)).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int readinessStatus() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(BASE.resolve("/health/ready")).timeout(Duration.ofSeconds(60)).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String awaitReadiness(Predicate<String> condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                body = readiness();
                if (condition.test(body)) {
                    return body;
                }
            } catch (IOException notYet) {
                body = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("readiness did not change as expected within " + timeout + ": " + body);
    }
}
