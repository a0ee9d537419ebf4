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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The same EAR on WildFly: a fresh WildFly (standalone-full) set up by the project's CLI script
 * (config/src/main/wildfly/switchboard.cli) against its own PostgreSQL database, the EAR deployed unchanged,
 * then deliveries through intake, the broker and the listeners. Runs in the {@code wildfly} profile, which
 * unpacks the server; the secrets come from the failsafe environment, as for the Payara test server.
 */
@EnabledIfSystemProperty(named = "wildfly.home", matches = ".+")
class WildFlyIT {

    private static final int OFFSET = 1000;
    private static final URI BASE = URI.create("http://127.0.0.1:" + (8080 + OFFSET));
    private static final String CONTROLLER = "127.0.0.1:" + (9990 + OFFSET);
    private static final String DB = "switchboard_wildfly_it";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    private static final SecondServer SERVER = new SecondServer(BASE, DB_URL);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path home;
    private static Path work;
    private static Process server;

    @BeforeAll
    static void startWildFlyAndDeploy() throws Exception {
        home = Path.of(System.getProperty("wildfly.home"));
        work = Files.createDirectories(Path.of("target", "wildfly-it"));
        assertThat(SERVER.answers()).as("something already listens at %s: a WildFly left running?", BASE).isFalse();
        recreateDatabase();
        // a pristine server directory each run: the script's changes and deployments persist in its configuration
        Path base = work.resolve("standalone");
        deleteRecursively(base);
        copyRecursively(home.resolve("standalone"), base);
        // the script's "module add" writes into the installation itself, not the server directory
        deleteRecursively(home.resolve("modules/org/postgresql"));
        server = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
                "-Djboss.server.base.dir=" + base.toAbsolutePath(), "-Djboss.socket.binding.port-offset=" + OFFSET)
                .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
        awaitHttp(BASE, Duration.ofSeconds(120));
        cli("--resolve-parameter-values", "--file=" + System.getProperty("wildfly.cli"),
                "--properties=" + properties());
        cli("--command=reload");
        awaitHttp(BASE, Duration.ofSeconds(120));
        cli("--command=deploy " + Path.of(System.getProperty("switchboard.ear")).toAbsolutePath());
    }

    @AfterAll
    static void stopWildFly() throws Exception {
        if (server == null) {
            return;
        }
        try {
            cli("--command=shutdown");
        } finally {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aSignedDeliveryIsStoredOnceAndSettledByTheListener() throws Exception {
        String deliveryId = "wildfly-" + UUID.randomUUID();
        Sample comment = Sample.githubIssueComment(deliveryId, "It fails on my machine too.");

        HttpResponse<String> accepted = SERVER.send(comment);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"status\":\"queued\"");

        HttpResponse<String> duplicate = SERVER.send(comment);
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(200);
        assertThat(duplicate.body()).contains("\"status\":\"duplicate\"");

        // through the broker to the listener: no mention in the sample, so the manager ignores it
        assertThat(SERVER.awaitStatus(deliveryId, Duration.ofSeconds(30))).isEqualTo("IGNORED");
        assertThat(SERVER.queryInt("select count(*) from webhook_delivery where delivery_id = ?", deliveryId)).isEqualTo(1);
    }

    @Test
    void aForgedSignatureIsRefusedWithAJsonErrorAndNothingIsStored() throws Exception {
        String deliveryId = "wildfly-forged-" + UUID.randomUUID();
        Sample forged = Sample.githubIssueComment(deliveryId, "hello")
                .withHeader("X-Hub-Signature-256", "sha256=" + "0".repeat(64));

        HttpResponse<String> refused = SERVER.send(forged);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(refused.body()).contains("\"error\"");
        assertThat(SERVER.queryInt("select count(*) from webhook_delivery where delivery_id = ?", deliveryId)).isZero();
    }

    @Test
    void everyPlatformsIntakeAnswersOnWildFly() throws Exception {
        String uuid = UUID.randomUUID().toString();
        Sample note = Sample.gitlabNote(uuid);
        // without the mention: the manager has nothing to ask GitLab, whose stub is not running here
        note = note.withBody(new String(note.body(), StandardCharsets.UTF_8).replace("@openhands ", "")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> fromGitLab = SERVER.send(note);
        assertThat(fromGitLab.statusCode()).as(fromGitLab.body()).isEqualTo(202);

        HttpResponse<String> fromSlack = SERVER.send(Sample.slackUrlVerification("wildfly-challenge"));
        assertThat(fromSlack.statusCode()).as(fromSlack.body()).isEqualTo(200);
        assertThat(fromSlack.body()).contains("wildfly-challenge");

        String stripeEvent = "evt_wildfly" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> fromStripe = SERVER.send(Sample.stripeCustomerCreated(stripeEvent));
        assertThat(fromStripe.statusCode()).as(fromStripe.body()).isEqualTo(202);

        assertThat(SERVER.awaitStatus(uuid, Duration.ofSeconds(30))).isEqualTo("IGNORED");
    }

    /**
     * A job end to end on WildFly against the platform and agent-server stubs: a linked GitHub user's mention starts one
     * conversation and is acknowledged, and the agent's push goes through the callback queue to one summary comment.
     */
    @Test
    void aMentionStartsAConversationIsAcknowledgedAndTheAgentsSummaryIsPostedOnce() throws Exception {
        GitHubJobsIT.Repo repo = GitHubJobsIT.repository();
        long githubId = 720_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        String login = "wildfly-" + githubId;
        GitHubLinks.link(BASE, "it-wildfly-" + UUID.randomUUID(), login, githubId);
        GitHubJobsIT.permission(repo, login, "write");
        String conversation = GitHubJobsIT.conversation(repo);

        Sample mention = GitHubJobsIT.comment(repo, "wildfly-job-" + UUID.randomUUID(), login, githubId,
                "@openhands please fix the flaky test");
        HttpResponse<String> accepted = SERVER.send(mention);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(SERVER.awaitStatus(mention.deliveryId(), Duration.ofSeconds(60))).isEqualTo("PROCESSED");
        assertThat(GitHubJobsIT.starts(repo)).hasSize(1);
        assertThat(GitHubJobsIT.posted(repo, "/issues/7/comments", "I'm on it")).hasSize(1);

        String finished = "{\"conversation_id\":\"" + conversation + "\",\"agent_state\":\"finished\","
                + "\"message\":\"Fixed the flaky test by waiting for the port.\"}";
        assertThat(AgentStub.push(BASE, finished).statusCode()).isEqualTo(202);
        assertThat(GitHubJobsIT.await(repo, "/issues/7/comments", "Fixed the flaky test")).hasSize(1);
        Thread.sleep(1500);
        assertThat(GitHubJobsIT.posted(repo, "/issues/7/comments", "Fixed the flaky test")).hasSize(1);
        assertThat(SERVER.queryInt("select count(*) from agent_jobs where conversation_id = ? and status = 'FINISHED'",
                conversation)).isEqualTo(1);
    }

    @Test
    void theAdminApiTakesTheTokensTheScriptConfigured() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(BASE.resolve("/api/admin/deliveries")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> admin = HTTP.send(HttpRequest.newBuilder(BASE.resolve("/api/admin/deliveries"))
                .header("Authorization", "Bearer " + AdminTokens.admin()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    }

    /** The values switchboard.cli reads (switchboard.properties.example lists them). */
    private static Path properties() throws IOException {
        String keys = System.getProperty("switchboard.keys");
        String tokenKey = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32)
                .getBytes(StandardCharsets.US_ASCII));
        List<String> lines = new ArrayList<>(List.of(
                "db.driver.jar=" + System.getProperty("wildfly.driver"),
                "db.url=" + DB_URL,
                "db.user=postgres",
                "db.password=unused",
                "switchboard.public.url=" + BASE,
                "mp.jwt.verify.publickey.location=file:" + Path.of(keys, "jwt-public.pem").toAbsolutePath(),
                "mp.jwt.verify.issuer=switchboard-dev",
                "token.encryption.keys=k1:" + tokenKey,
                "health.queue.max.depth=1000"));
        Path file = work.resolve("switchboard.properties");
        Files.write(file, lines);
        return file;
    }

    private static void cli(String... args) throws Exception {
        // a generous connection timeout: on a busy machine the server can take longer than the CLI's 5 s to answer
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=" + CONTROLLER, "--timeout=60000"));
        command.addAll(List.of(args));
        Path out = work.resolve("cli.log");
        Process cli = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        if (!cli.waitFor(300, TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new AssertionError("jboss-cli " + String.join(" ", args) + " did not finish; see " + out);
        }
        assertThat(cli.exitValue()).as("jboss-cli %s (log: %s)", String.join(" ", args), out).isZero();
    }

    private static void awaitHttp(URI uri, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (SERVER.answers()) {
                return;
            }
            if (!server.isAlive()) {
                throw new AssertionError("WildFly exited with " + server.exitValue() + "; see " + work.resolve("server.log"));
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("WildFly did not answer at " + uri + " within " + timeout);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static void recreateDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DB + " with (force)");
            s.execute("create database " + DB);
        }
    }
}
