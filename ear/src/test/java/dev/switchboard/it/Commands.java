package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the operators' commands (provision.sh, asadmin, artemis) for tests that start servers of their own. */
final class Commands {

    private Commands() {
    }

    /** Runs the command to its end within the timeout and returns its output; a non-zero exit fails the test. */
    static String run(Path work, Duration timeout, String... command) throws Exception {
        return run(work, timeout, Map.of(), command);
    }

    /** The same with these variables added to this JVM's environment (the failsafe one), which the command inherits. */
    static String run(Path work, Duration timeout, Map<String, String> environment, String... command) throws Exception {
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
}
