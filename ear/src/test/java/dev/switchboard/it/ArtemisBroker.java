package dev.switchboard.it;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh ActiveMQ Artemis broker instance for one test class, made by the distribution's own {@code artemis create}:
 * loopback only, login required, Switchboard's two queues created with it.
 */
final class ArtemisBroker {

    static final String USER = "switchboard";
    static final String DELIVERIES = "SwitchboardDeliveries";
    private static final Pattern STAT_ROW =
            Pattern.compile("^\\|([^|\\s]+)\\s*\\|[^|]*\\|\\s*(\\d+)\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)\\s*\\|");

    private final Path work;
    private final Path instance;
    private final int port;
    private final String password = UUID.randomUUID().toString();
    private Process process;

    private ArtemisBroker(Path work, int port) {
        this.work = work;
        this.instance = work.resolve("broker");
        this.port = port;
    }

    /** Creates the instance under {@code work} from the distribution at {@code artemisHome}. */
    static ArtemisBroker create(Path artemisHome, Path work, int port) throws Exception {
        ArtemisBroker broker = new ArtemisBroker(work, port);
        Commands.run(work, Duration.ofSeconds(120), "bash", artemisHome.resolve("bin/artemis").toString(), "create",
                broker.instance.toString(), "--force", "--silent", "--user", USER, "--password", broker.password,
                "--require-login", "--host", "127.0.0.1", "--default-port", String.valueOf(port), "--no-web",
                "--no-amqp-acceptor", "--no-hornetq-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                "--java-memory", "512M", "--queues", DELIVERIES + ":anycast,SwitchboardCallbacks:anycast");
        return broker;
    }

    String url() {
        return "artemis://127.0.0.1:" + port;
    }

    String password() {
        return password;
    }

    /** Starts the broker and waits until it listens. */
    void start() throws Exception {
        if (listens()) {
            throw new AssertionError("something already listens on " + port + ": a broker left running by an earlier run?");
        }
        Path log = work.resolve("broker.log");
        process = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!listens()) {
            if (!process.isAlive()) {
                throw new AssertionError("Artemis exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Artemis did not listen on " + port + " within 60 s; see " + log);
            }
            Thread.sleep(500);
        }
    }

    private boolean listens() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException nothing) {
            return false;
        }
    }

    /** SIGKILL: {@code artemis run} execs the broker's JVM, so this is the broker itself. */
    boolean kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    record QueueStat(long consumers, long messagesAdded) {
    }

    /** The queue's consumers and messages added since the broker started, as Artemis's own CLI reports them. */
    QueueStat queueStat(String queue) throws Exception {
        String out = Commands.run(work, Duration.ofSeconds(60), instance.resolve("bin/artemis").toString(), "queue",
                "stat", "--url", "tcp://127.0.0.1:" + port, "--user", USER, "--password", password, "--queueName", queue);
        for (String line : out.split("\n")) {
            Matcher row = STAT_ROW.matcher(line);
            if (row.find() && row.group(1).equals(queue)) {
                return new QueueStat(Long.parseLong(row.group(2)), Long.parseLong(row.group(3)));
            }
        }
        throw new AssertionError("no row for " + queue + " in: " + out);
    }
}
