package dev.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
        awaitReady(timeout);
    }

    /** A graceful restart as an operator would do it ({@code asadmin restart-domain}), then ready again. */
    public static void restartAndAwaitReady(Duration timeout) {
        Server.asadmin("restart-domain", "switchboard-it");
        awaitReady(timeout);
    }

    private static void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (applicationReady()) {
                return;
            }
            Database.sleep(500);
        }
        String log = ServerLog.all();
        throw new IllegalStateException("the application was not ready " + timeout + " after the restart; server log"
                + " tail:\n" + log.substring(Math.max(0, log.length() - 6_000)));
    }

    /**
     * Payara serves {@code /health/ready} itself and answers 200 with no checks while the application is still being
     * deployed (or failed to deploy), so only a 200 that carries the application's own database check counts.
     */
    private static boolean applicationReady() {
        try {
            HttpResponse<String> readiness = Server.get("/health/ready", null);
            return readiness.statusCode() == 200 && readiness.body().contains("\"database\"");
        } catch (RuntimeException e) {
            return false; // not listening yet
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
