package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole suite's leak check, run by its own failsafe execution after every other IT (ear/pom.xml,
 * {@code leak-scan}): no secret the suite configured and no token any stub handed out appears in a line of the
 * server's log or in a column of the database the suite filled. Failures name the place and the kind of secret,
 * never the value.
 */
class LeakScanIT {

    @Test
    void noServerLogLineCarriesASecret() {
        String log = ServerLog.all();
        assertThat(log.lines().count()).as("server log lines scanned").isGreaterThan(100);
        List<String> found = new ArrayList<>();
        log.lines().forEach(line -> SuiteSecrets.kindIn(line).ifPresent(kind -> found.add(kind + " in: "
                + SuiteSecrets.masked(line))));
        assertThat(found).as("server log lines carrying a secret").isEmpty();
    }

    /**
     * The same scan over every server log below {@code root} (a domain's own and its instances', rotated ones too),
     * for the tests that run servers of their own (ArtemisIT, ClusterIT); {@code more} are secrets only they know.
     * Answers what it found, masked, after checking that it read something.
     */
    static List<String> secretsInServerLogs(Path root, String... more) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> logs;
        try (var files = Files.walk(root)) {
            logs = files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList();
        }
        assertThat(logs).as("server logs below %s", root).isNotEmpty();
        for (Path log : logs) {
            for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8)) {
                java.util.Optional<String> kind = SuiteSecrets.kindIn(line);
                if (kind.isEmpty() && java.util.Arrays.stream(more).anyMatch(line::contains)) {
                    kind = java.util.Optional.of("a secret of the test's own");
                }
                kind.ifPresent(k -> found.add(k + " in " + log.getFileName() + ": " + SuiteSecrets.masked(line)));
            }
        }
        return found;
    }

    @Test
    void noDatabaseColumnHoldsAPlaintextSecret() throws SQLException {
        List<String> found = new ArrayList<>();
        int cells = 0;
        try (Connection db = Database.connect()) {
            for (String[] column : textColumns(db)) {
                String value = "bytea".equals(column[2])
                        ? "encode(\"" + column[1] + "\", 'escape')"
                        : "\"" + column[1] + "\"::text";
                try (PreparedStatement select = db.prepareStatement(
                        "select " + value + " from \"" + column[0] + "\" where \"" + column[1] + "\" is not null");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        cells++;
                        String cell = rows.getString(1);
                        SuiteSecrets.kindIn(cell).ifPresent(kind -> found.add(column[0] + "." + column[1] + ": " + kind));
                    }
                }
            }
        }
        // a single-IT run leaves few rows; the whole suite's run leaves thousands
        assertThat(cells).as("database cells scanned").isPositive();
        assertThat(found).as("database cells holding a plaintext secret").isEmpty();
    }

    private static List<String[]> textColumns(Connection db) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("select table_name, column_name, data_type"
                + " from information_schema.columns where table_schema = 'public'"
                + " and data_type in ('text', 'character varying', 'json', 'jsonb', 'bytea')"
                + " and table_name <> 'flyway_schema_history'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        assertThat(columns).as("text columns in the database").isNotEmpty();
        return columns;
    }

    /** What counts as a secret in this suite: the values it configures, and the shapes of platform tokens. */
    static final class SuiteSecrets {

        /** Token shapes the stubs hand out (GitHub, Slack, GitLab, Atlassian, Stripe), keys and bearer JWTs. */
        private static final Pattern TOKEN_SHAPES = Pattern.compile(
                "\\bgh[opsur]_[A-Za-z0-9]{4,}|\\bxox[abpe]-[A-Za-z0-9-]{4,}|\\bglpat-|\\bgloas-|\\bATATT[A-Za-z0-9_=-]{6,}"
                        + "|\\b[sr]k_(test|live)_[A-Za-z0-9]{8,}|\\bwhsec_|PRIVATE KEY-----"
                        + "|\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.");

        private static final List<String> CONFIGURED = configured();

        private SuiteSecrets() {
        }

        static java.util.Optional<String> kindIn(String text) {
            if (text == null) {
                return java.util.Optional.empty();
            }
            java.util.regex.Matcher shape = TOKEN_SHAPES.matcher(text);
            if (shape.find()) {
                return java.util.Optional.of("a token shaped like " + shape.group().substring(0, 4) + "…");
            }
            for (String secret : CONFIGURED) {
                if (text.contains(secret)) {
                    return java.util.Optional.of("a configured secret (" + secret.length() + " characters)");
                }
            }
            return java.util.Optional.empty();
        }

        static String masked(String line) {
            String shapes = TOKEN_SHAPES.matcher(line).replaceAll("<token>");
            for (String secret : CONFIGURED) {
                shapes = shapes.replace(secret, "<secret>");
            }
            return shapes.length() > 300 ? shapes.substring(0, 300) + "…" : shapes;
        }

        /**
         * The secrets failsafe hands the server (the environment in ear/pom.xml, which this test inherits), the
         * token encryption keys, and the body lines of the private key the suite signs GitHub App JWTs with.
         */
        private static List<String> configured() {
            List<String> secrets = new ArrayList<>();
            System.getenv().forEach((name, value) -> {
                boolean secretName = name.endsWith("_SECRET") || name.endsWith("_API_KEY") || name.endsWith("_TOKEN");
                if (secretName && value.length() >= 8 && !value.contains("://") && !value.startsWith("/")) {
                    secrets.add(value);
                }
            });
            for (String key : new String[] {"switchboard.it.key1", "switchboard.it.key2"}) {
                String value = System.getProperty(key);
                if (value != null) {
                    secrets.add(value);
                }
            }
            String appKey = System.getenv("GITHUB_APP_PRIVATE_KEY");
            if (appKey != null && Files.isReadable(Path.of(appKey))) {
                try {
                    Files.readAllLines(Path.of(appKey)).stream()
                            .filter(line -> line.length() >= 40 && !line.startsWith("-----"))
                            .forEach(secrets::add);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the suite's GitHub App key", e);
                }
            }
            assertThat(secrets).as("secrets configured for the suite").hasSizeGreaterThan(10);
            return secrets;
        }
    }
}
