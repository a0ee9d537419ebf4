package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The test server's log files, read to prove that no secret ever reached them. */
public final class ServerLog {

    private ServerLog() {
    }

    public static String all() {
        Path logs = Path.of(System.getProperty("payara.home"), "glassfish", "domains", "switchboard-it", "logs");
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                text.append(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static void containsNone(String... secrets) {
        String log = all();
        assertThat(log).as("server log").isNotEmpty();
        for (String secret : secrets) {
            assertThat(log).as("server log must not contain a secret").doesNotContain(secret);
        }
    }
}
