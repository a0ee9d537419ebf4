package dev.switchboard.it;

import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The startup check (schema migrated) and the readiness check on queue depth: a backlog of QUEUED deliveries
 * above {@code health.queue.max.depth} makes /health/ready answer 503 with that check DOWN, and ready again
 * once the backlog drains.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthChecksIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void startedOnceTheSchemaIsMigrated() {
        HttpResponse<String> started = Server.get("/health/started", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonObject schema = check(json(started.body()), "schema");
        assertThat(schema.getString("status")).isEqualTo("UP");
        assertThat(schema.getJsonObject("data").getString("version")).isEqualTo(String.valueOf(
                Database.queryInt("select max(cast(version as integer)) from flyway_schema_history where success")));
        assertThat(Server.get("/health/live", null).statusCode()).isEqualTo(200);
    }

    @Test
    void readinessGoesDownWhileTheQueueIsDeeperThanTheBoundAndRecovers() {
        int before = Database.queryInt("select count(*) from webhook_delivery where status = 'QUEUED'");
        JsonObject up = check(ready(200), "queue-depth");
        assertThat(up.getString("status")).isEqualTo("UP");
        assertThat(number(up, "max")).isEqualTo(1000);

        Server.asadmin("set-config-property", "--source=domain", "--propertyName=health.queue.max.depth",
                "--propertyValue=" + (before + 2));
        List<String> backlog = new ArrayList<>();
        try {
            // a backlog the listeners have not taken yet: stored QUEUED, no JMS message sent for them
            for (int i = 0; i < 3; i++) {
                String id = UUID.randomUUID().toString();
                backlog.add(id);
                Database.execute("insert into webhook_delivery (id, platform, delivery_id, event, headers, payload,"
                        + " status, attempts, received_at, updated_at, version) values ('" + id + "', 'GITHUB',"
                        + " 'it-backlog-" + id + "', 'ping', '{}', '{}', 'QUEUED', 0, now() - interval '5 seconds', now(), 0)");
            }
            JsonObject down = check(ready(503), "queue-depth");
            assertThat(down.getString("status")).isEqualTo("DOWN");
            assertThat(number(down, "queued")).isGreaterThanOrEqualTo(before + 3);
            assertThat(number(down, "max")).isEqualTo(before + 2);
            assertThat(number(down, "oldestQueuedSeconds")).isGreaterThanOrEqualTo(5);
            assertThat(check(json(Server.get("/health/ready", null).body()), "database").getString("status"))
                    .as("only the queue check is down").isEqualTo("UP");

            // drained: the listeners settled them
            Database.execute("update webhook_delivery set status = 'IGNORED', outcome = 'it: drained' where id in ('"
                    + String.join("','", backlog) + "')");
            assertThat(check(ready(200), "queue-depth").getString("status")).isEqualTo("UP");
        } finally {
            Database.execute("update webhook_delivery set status = 'IGNORED', outcome = 'it: drained' where id in ('"
                    + String.join("','", backlog) + "')");
            Server.asadmin("delete-config-property", "--source=domain", "--propertyName=health.queue.max.depth");
        }
    }

    private static JsonObject ready(int expectedStatus) {
        HttpResponse<String> ready = Server.get("/health/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(expectedStatus);
        return json(ready.body());
    }

    /** A check's data value as a number: Payara writes numbers given to withData(name, long) as JSON strings. */
    private static long number(JsonObject check, String name) {
        JsonObject data = check.getJsonObject("data");
        return data.get(name) instanceof JsonString text ? Long.parseLong(text.getString())
                : data.getJsonNumber(name).longValue();
    }

    static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }
}
