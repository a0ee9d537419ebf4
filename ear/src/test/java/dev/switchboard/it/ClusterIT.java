package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
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
 * Switchboard on two Payara Server instances of one deployment group, managed by their domain's DAS, sharing one
 * PostgreSQL database and one external ActiveMQ Artemis broker: the domain provisioned by the operators' script with
 * {@code --instances 2 --broker artemis://…}, the EAR deployed to the group as docs/deployment.md says. The load balancer
 * is the test, spreading requests over both instances; the platforms are the WireMock stubs. Checks the guarantees that
 * must hold across instances: one delivery stored and processed once, one token refresh, one hook check per interval
 * although each instance runs the timer, and an instance killed with SIGKILL losing nothing.
 */
@EnabledIfSystemProperty(named = "artemis.home", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());
    private static final int OFFSET = 1300;
    private static final String ADMIN_PORT = String.valueOf(4848 + OFFSET);
    private static final String DOMAIN = "switchboard-cluster-it";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/switchboard_cluster_it";
    /** provision.sh gives instance i the port base 8000 + offset + 100 i. */
    private static final List<SecondServer> INSTANCES = List.of(instance(1), instance(2));
    private static final SecondServer ONE = INSTANCES.get(0);
    private static final SecondServer TWO = INSTANCES.get(1);
    /** GITLAB_HOOKS_RECHECK_INTERVAL_MS in ear/pom.xml. */
    private static final Duration RECHECK_INTERVAL = Duration.ofSeconds(3);
    private static final WireMockServer STUBS = ProviderStubs.start();

    private static Path work;
    private static Path asadmin;
    private static ArtemisBroker broker;
    private static boolean domainStarted;

    private static SecondServer instance(int i) {
        return new SecondServer(URI.create("http://127.0.0.1:" + (8080 + OFFSET + 100 * i)), DB_URL);
    }

    @BeforeAll
    static void startTheGroup() throws Exception {
        work = Files.createDirectories(Path.of("target", "cluster-it").toAbsolutePath());
        Path payara = Path.of(System.getProperty("payara.home")).toAbsolutePath();
        asadmin = payara.resolve("bin/asadmin");
        for (SecondServer instance : INSTANCES) {
            assertThat(instance.answers()).as("something already listens at %s", instance.base()).isFalse();
        }
        broker = ArtemisBroker.create(Path.of(System.getProperty("artemis.home")), work, 61816);
        broker.start();

        Commands.run(work, Duration.ofSeconds(300), "bash", System.getProperty("payara.provision"),
                "--payara-home", payara.toString(), "--domain", DOMAIN, "--keys", System.getProperty("switchboard.keys"),
                "--db-url", DB_URL, "--recreate-database", "--port-offset", String.valueOf(OFFSET), "--instances", "2",
                "--config-cache-seconds", "0", "--max-heap", "768m",
                "--config-property", "token.encryption.keys=k1:" + System.getProperty("switchboard.it.key1"),
                "--broker", broker.url(), "--broker-user", ArtemisBroker.USER, "--broker-password", broker.password(),
                "--artemis-rar", System.getProperty("artemis.rar"));
        Commands.run(work, Duration.ofSeconds(180), asadmin.toString(), "start-domain", DOMAIN);
        domainStarted = true;
        asadmin(Duration.ofSeconds(300), "start-deployment-group", "switchboard");
        asadmin(Duration.ofSeconds(420), "deploy", "--target", "switchboard", "--name", "switchboard",
                Path.of(System.getProperty("switchboard.ear")).toAbsolutePath().toString());
        for (SecondServer instance : INSTANCES) {
            instance.awaitReadiness(ClusterIT::ready, Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopTheGroup() throws Exception {
        try {
            if (domainStarted) {
                asadmin(Duration.ofSeconds(180), "stop-deployment-group", "--kill=true", "switchboard");
                Commands.run(work, Duration.ofSeconds(120), asadmin.toString(), "stop-domain", "--kill=true", DOMAIN);
            }
        } finally {
            if (broker != null) {
                broker.stop();
            }
        }
    }

    @Test
    @Order(1)
    void deliveriesSprayedOverBothInstancesAreStoredAndProcessedOnceEach() throws Exception {
        String repo = "acme/cluster";
        int issue = 81;
        int deliveries = 40;
        ProviderStubs.octocatMayWrite(repo, issue);
        String run = "it-cluster-" + UUID.randomUUID() + "-";
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            samples.add(Sample.githubMention(repo, issue, run + i));
        }

        // GitHub redelivers: each delivery reaches both instances at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<List<Future<HttpResponse<String>>>> answers = new ArrayList<>();
            for (Sample sample : samples) {
                CountDownLatch together = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> pair = new ArrayList<>();
                for (SecondServer instance : INSTANCES) {
                    pair.add(pool.submit(() -> {
                        together.await();
                        return instance.send(sample);
                    }));
                }
                together.countDown();
                answers.add(pair);
            }
            for (List<Future<HttpResponse<String>>> pair : answers) {
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : pair) {
                    statuses.add(answer.get().statusCode());
                }
                assertThat(statuses).as("one instance stored it (202), the other saw the duplicate (200)")
                        .containsExactlyInAnyOrder(202, 200);
            }
        } finally {
            pool.shutdown();
        }

        for (Sample sample : samples) {
            assertThat(ONE.awaitStatus(sample.deliveryId(), Duration.ofSeconds(90))).isEqualTo("IGNORED");
            assertThat(ONE.queryInt("select count(*) from webhook_delivery where delivery_id = ?", sample.deliveryId()))
                    .isEqualTo(1);
            assertThat(ONE.queryInt("select attempts from webhook_delivery where delivery_id = ?", sample.deliveryId()))
                    .isEqualTo(1);
        }
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(ProviderStubs.commentsOn(repo, issue)))))
                .as("one connect-your-account comment per delivery, none twice").hasSize(deliveries);
        double queued = 0;
        for (SecondServer instance : INSTANCES) {
            queued += counter(instance, "switchboard_deliveries_received_total", "outcome=\"queued\"");
            assertThat(counter(instance, "switchboard_deliveries_processed_total", "status=\"IGNORED\""))
                    .as("deliveries processed by %s's listeners, from the shared queue", instance.base()).isPositive();
        }
        assertThat(queued).as("deliveries queued by the two instances together").isEqualTo(deliveries);
        assertThat(broker.queueStat(ArtemisBroker.DELIVERIES).messagesAdded()).isGreaterThanOrEqualTo(deliveries);
    }

    @Test
    @Order(2)
    void aLinkStartedOnOneInstanceCompletesOnTheOtherAndItsTokenIsRefreshedOnceUnderUseOnBoth() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "");
        long gitlabId = 9_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        String oldRefresh = "glrt-cluster-" + tag;
        // the flow's state is kept by the instance that started it and checked by the one the provider sends back to
        String bearer = GitLabLinks.link(ONE.base(), TWO.base(), tag, "gloat-short-" + tag, oldRefresh, 1, gitlabId);
        String newAccess = "gloat-new-" + tag;
        STUBS.stubFor(post(urlPathEqualTo("/gitlab/oauth/token")).withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + oldRefresh))
                .willReturn(okJson("{\"access_token\":\"" + newAccess + "\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
                        + "\"refresh_token\":\"glrt-new-" + tag + "\",\"scope\":\"api read_user\"}").withFixedDelay(400)));
        STUBS.stubFor(get(urlPathEqualTo("/gitlab/api/v4/user")).withHeader("Authorization", equalTo("Bearer " + newAccess))
                .willReturn(okJson(GitLabLinks.identity(gitlabId))));
        Thread.sleep(1500); // the one-second token is now past its expiry

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                URI base = INSTANCES.get(i % 2).base();
                calls.add(pool.submit(() -> {
                    start.await();
                    return Server.get(base, "/api/me/accounts/gitlab/identity", bearer);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> identity = call.get();
                assertThat(identity.statusCode()).as(identity.body()).isEqualTo(200);
                assertThat(json(identity.body()).getString("login")).isEqualTo("u" + gitlabId);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo("/gitlab/oauth/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + oldRefresh))))
                .as("twenty callers on two instances, one refresh").hasSize(1);
    }

    @Test
    @Order(3)
    void eachHookIsCheckedOncePerIntervalThoughBothInstancesRunTheTimer() throws Exception {
        GitLabHooksInstalled installed = GitLabHooksInstalled.through(TWO.base(), ONE.base(), 2);
        Duration window = RECHECK_INTERVAL.multipliedBy(6);
        List<Integer> before = hookChecks(installed);
        Thread.sleep(window.toMillis());
        List<Integer> after = hookChecks(installed);

        long rounds = window.dividedBy(RECHECK_INTERVAL);
        for (int i = 0; i < before.size(); i++) {
            int checks = after.get(i) - before.get(i);
            LOG.info("hook of project " + installed.project(i) + ": " + checks + " checks in " + window);
            // each instance's timer fires every interval: both checking would make about 2 × rounds
            assertThat(checks).as("checks of one hook in %s by two instances", window).isBetween(2, (int) rounds + 1);
        }
    }

    private static List<Integer> hookChecks(GitLabHooksInstalled installed) {
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < installed.hooks().size(); i++) {
            long project = installed.project(i);
            counts.add(STUBS.findAll(getRequestedFor(urlPathEqualTo(GitLabHooksInstalled.API + "/projects/" + project
                    + "/hooks/" + installed.hooks().get(project)))).size());
        }
        return counts;
    }

    @Test
    @Order(4)
    void anInstanceKilledMidWorkLosesNothingTheOtherFinishesAndPostsNothingTwice() throws Exception {
        String repo = "acme/cluster-kill";
        int issue = 82;
        int deliveries = 60;
        ProviderStubs.octocatMayWrite(repo, issue);
        // GitHub answers slowly: posts are under way on the instance when it dies
        STUBS.stubFor(post(urlPathEqualTo(ProviderStubs.commentsOn(repo, issue))).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":" + issue + "}").withFixedDelay(1500)));
        String run = "it-cluster-kill-" + UUID.randomUUID() + "-";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            Sample sample = Sample.githubMention(repo, issue, run + i);
            HttpResponse<String> accepted = ONE.send(sample);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            ids.add(sample.deliveryId());
        }
        int unfinished = ONE.queryInt("select count(*) from webhook_delivery where delivery_id like ?"
                + " and status in ('QUEUED', 'PROCESSING', 'FAILED')", run + "%");
        killInstance(1);
        LOG.info("instance 1 killed with " + unfinished + " of " + deliveries + " deliveries unfinished");
        assertThat(unfinished).as("work in flight when the instance dies").isPositive();
        assertThat(ONE.answers()).isFalse();

        for (String id : ids) {
            assertThat(TWO.awaitStatus(id, Duration.ofMinutes(2))).as(id).isEqualTo("IGNORED");
            assertThat(TWO.queryInt("select count(*) from webhook_delivery where delivery_id = ?", id)).isEqualTo(1);
        }
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(ProviderStubs.commentsOn(repo, issue)))))
                .as("one connect-your-account comment per delivery, none twice").hasSize(deliveries);
        assertThat(TWO.readiness()).contains("\"name\":\"database\",\"status\":\"UP\"");

        // the killed instance rejoins: the DAS starts it again, and once it says it is ready it takes deliveries
        asadmin(Duration.ofSeconds(300), "start-instance", DOMAIN + "-1");
        ONE.awaitReadiness(ClusterIT::ready, Duration.ofSeconds(180));
        Sample after = Sample.githubMention(repo, issue, run + "after");
        HttpResponse<String> accepted = ONE.send(after);
        assertThat(accepted.statusCode()).as("the first delivery after readiness said UP: %s", accepted.body()).isEqualTo(202);
        assertThat(ONE.awaitStatus(after.deliveryId(), Duration.ofSeconds(60))).isEqualTo("IGNORED");
    }

    @Test
    @Order(5)
    void noLogLineOfTheDomainOrItsInstancesCarriesASecret() throws Exception {
        Path domain = Path.of(System.getProperty("payara.home"), "glassfish", "domains", DOMAIN);
        assertThat(LeakScanIT.secretsInServerLogs(domain, broker.password())).isEmpty();
    }

    /** What a load balancer should require: the instance serves and reaches the database. */
    private static boolean ready(String readiness) {
        return readiness.contains("\"name\":\"serving\",\"status\":\"UP\"")
                && readiness.contains("\"name\":\"database\",\"status\":\"UP\"");
    }

    /** SIGKILL of the instance's JVM, found through the pid file Payara keeps in the instance's folder. */
    private static void killInstance(int i) throws Exception {
        Path pidFile = Path.of(System.getProperty("payara.home"), "glassfish", "domains", DOMAIN, "nodes",
                "localhost-" + DOMAIN, DOMAIN + "-" + i, "config", "pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static final Pattern SAMPLE_VALUE = Pattern.compile("\\s([0-9.Ee+-]+)$");

    /** The instance's own count of a Switchboard counter, summed over the series matching the label. */
    private static double counter(SecondServer instance, String name, String label) throws Exception {
        double sum = 0;
        for (String line : instance.get("/metrics").split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                Matcher value = SAMPLE_VALUE.matcher(line);
                if (value.find()) {
                    sum += Double.parseDouble(value.group(1));
                }
            }
        }
        return sum;
    }

    private static String asadmin(Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(asadmin.toString(), "--port", ADMIN_PORT));
        command.addAll(List.of(args));
        return Commands.run(work, timeout, command.toArray(String[]::new));
    }
}
