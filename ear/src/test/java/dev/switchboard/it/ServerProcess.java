package dev.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The test server's operating-system process, for the tests that crash it the hard way and start it again. */
public final class ServerProcess {

    private ServerProcess() {
    }

    /** {@code kill -9}: no shutdown hook, no transaction completion, no broker flush. */
    public static void killHard() {
        long pid = pid();
        ProcessHandle server = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no server process " + pid));
        if (!server.destroyForcibly()) {
            throw new IllegalStateException("could not kill the server process " + pid);
        }
        server.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** Starts the domain as an operator would after a crash, and waits until the application is ready again. */
    public static void startAndAwaitReady(Duration timeout) {
        Server.asadmin("start-domain", "switchboard-it");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (readiness().orElse(0) == 200) {
                return;
            }
            Database.sleep(500);
        }
        throw new IllegalStateException("the server was not ready " + timeout + " after its restart");
    }

    private static Optional<Integer> readiness() {
        try {
            return Optional.of(Server.get("/health/ready", null).statusCode());
        } catch (RuntimeException e) {
            return Optional.empty(); // not listening yet
        }
    }

    private static long pid() {
        Path pidFile = Path.of(System.getProperty("payara.home"), "glassfish", "domains", "switchboard-it", "config",
                "pid");
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file for the test server: " + pidFile, e);
        }
    }
}
