package dev.switchboard.it;

import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operators' metrics at /metrics change by the expected amounts after known events: a processed delivery
 * (processing duration and latency), a delivery that dies (its retries and one dead letter), an account-linking
 * flow the user denies (one OAuth attempt, one failure), and the queue depth gauges are there. Each outcome
 * is also one line in the server log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsMetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void aProcessedDeliveryIsTimedAndTheQueueIsMeasured() {
        String before = metrics();
        String id = Sample.githubPing("it-metrics-ping-" + UUID.randomUUID()).accepted();
        String status = (String) Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD").get("status");
        assertThat(status).isIn("PROCESSED", "IGNORED");

        String latency = "status=\"" + status + "\"";
        double processedBefore = count(before, "switchboard_processing_duration", "platform=\"github\"");
        double latencyBefore = count(before, "switchboard_delivery_latency", "platform=\"github\"", latency);
        String after = metricsOnce(text -> count(text, "switchboard_processing_duration", "platform=\"github\"") > processedBefore
                && count(text, "switchboard_delivery_latency", "platform=\"github\"", latency) > latencyBefore);
        assertThat(count(after, "switchboard_processing_duration", "platform=\"github\"")).isEqualTo(processedBefore + 1);
        assertThat(count(after, "switchboard_delivery_latency", "platform=\"github\"", latency)).isEqualTo(latencyBefore + 1);
        assertThat(value(after, "switchboard_queue_depth")).as("measured, not NaN").isGreaterThanOrEqualTo(0);
        assertThat(value(after, "switchboard_queue_oldest_seconds")).as("measured, not NaN").isGreaterThanOrEqualTo(0);
        assertThat(after).contains("switchboard_intake_duration");

        // one log line for the outcome, with what an operator searches by; never the payload
        String line = outcomeLine(id);
        assertThat(line).contains("platform=github").contains("event=ping").contains("status=" + status)
                .containsPattern("latency_ms=\\d+").doesNotContain("Keep it logically awesome");
    }

    @Test
    void aDeliveryThatDiesCountsItsRetriesAndOneDeadLetter() throws Exception {
        String prefix = "it-metrics-dead-";
        String before = metrics();
        String id;
        try (AutoCloseable refusal = Database.refuseOutcomes(prefix)) {
            id = Sample.githubIssueComment(prefix + UUID.randomUUID(), "@openhands count me").accepted();
            Database.awaitStatus(id, WAIT, "DEAD");
        }
        int attempts = Database.queryInt("select attempts from webhook_delivery where id = ?", id);
        double deadBefore = value(before, "switchboard_deliveries_dead_total", "platform=\"github\"");
        String after = metricsOnce(text -> value(text, "switchboard_deliveries_dead_total", "platform=\"github\"") > deadBefore);
        assertThat(value(after, "switchboard_deliveries_dead_total", "platform=\"github\"")).isEqualTo(deadBefore + 1);
        assertThat(value(after, "switchboard_delivery_retries_total", "platform=\"github\""))
                .isEqualTo(value(before, "switchboard_delivery_retries_total", "platform=\"github\"") + attempts - 1);
        assertThat(value(after, "switchboard_deliveries_dead_total", "platform=\"slack\"")).as("every platform's series exists")
                .isEqualTo(value(before, "switchboard_deliveries_dead_total", "platform=\"slack\""));
    }

    @Test
    void aDeniedLinkingFlowCountsOneAttemptAndOneFailure() {
        String before = metrics();
        OAuthFlow flow = OAuthFlow.start("github", AdminTokens.user("it-metrics-" + UUID.randomUUID()));
        HttpResponse<String> denied = flow.callbackWith("error=access_denied&state=" + flow.state(), flow.cookie());
        assertThat(denied.statusCode()).as(denied.body()).isGreaterThanOrEqualTo(300);
        String after = metrics();
        for (String name : new String[] {"switchboard_oauth_attempts_total", "switchboard_oauth_failures_total"}) {
            assertThat(value(after, name, "provider=\"github\"")).as(name)
                    .isEqualTo(value(before, name, "provider=\"github\"") + 1);
        }
        assertThat(value(after, "switchboard_oauth_successes_total", "provider=\"github\""))
                .isEqualTo(value(before, "switchboard_oauth_successes_total", "provider=\"github\""));
        assertThat(after).contains("switchboard_token_refreshes_total").contains("switchboard_token_refresh_failures_total");
    }

    /**
     * LOG_FORMAT=json (provision.sh --log-format json) is Payara's own JSON formatter: switched on here at runtime
     * with the same asadmin command, the outcome line is one JSON object with the fields in its message.
     */
    @Test
    void withJsonLogsAnOutcomeIsOneJsonObjectPerLine() {
        Server.asadmin("set-log-file-format", JSON_FORMATTER);
        try {
            // the server applies the new format a moment after the command returns
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String id;
            String line;
            do {
                id = Sample.githubPing("it-json-log-" + UUID.randomUUID()).accepted();
                Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED");
                line = outcomeLine(id).strip();
            } while (!line.startsWith("{") && System.nanoTime() < until);
            jakarta.json.JsonObject record = json(line);
            assertThat(record.getString("LoggerName")).isEqualTo("dev.switchboard.deliveries.outcome");
            assertThat(record.getString("Level")).isEqualTo("INFO");
            assertThat(record.getString("LogMessage")).contains("delivery outcome platform=github id=" + id)
                    .contains("event=ping");
        } finally {
            Server.asadmin("set-log-file-format", "ulf");
        }
    }

    private static final String JSON_FORMATTER = "fish.payara.enterprise.server.logging.JSONLogFormatter";

    /** The server writes its log asynchronously: waits a little for the line. */
    private static String outcomeLine(String id) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var line = ServerLog.all().lines().filter(l -> l.contains("delivery outcome") && l.contains("id=" + id + " "))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("no outcome line for delivery " + id + " in the server log");
            }
            Database.sleep(200);
        }
    }

    /**
     * Outcomes are counted after their transaction commits, so the status in the database can be seen a moment
     * before the figures move: waits (a little) until {@code counted} holds, then returns the text to assert on.
     */
    private static String metricsOnce(Predicate<String> counted) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String text = metrics();
        while (!counted.test(text) && System.nanoTime() < until) {
            Database.sleep(200);
            text = metrics();
        }
        return text;
    }

    private static String metrics() {
        HttpResponse<String> metrics = Server.get("/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body();
    }

    /** The number of observations of a timer: its {@code _count} series (with or without a unit suffix); 0 before the first. */
    private static double count(String text, String timer, String... labels) {
        return find(text, Pattern.quote(timer) + "(?:_seconds)?_count", labels).orElse(0);
    }

    /** A series that must be there (registered at deployment, or by an earlier step). */
    private static double value(String text, String name, String... labels) {
        return find(text, Pattern.quote(name), labels).orElseThrow(
                () -> new AssertionError("no series " + name + " " + String.join(",", labels) + " in /metrics"));
    }

    /** The sample of {@code name} whose labels include all of {@code labels}. */
    private static OptionalDouble find(String text, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(text);
        while (m.find()) {
            String set = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= set.contains(label);
            }
            if (all) {
                return OptionalDouble.of(Double.parseDouble(m.group(2)));
            }
        }
        return OptionalDouble.empty();
    }
}
