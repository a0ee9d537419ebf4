package dev.switchboard.it;

import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API behind MicroProfile JWT, and the health and metrics endpoints. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void withoutAValidTokenTheAdminApiAnswers401() {
        String otherIssuer = AdminTokens.token("https://evil.example.com", List.of("admin"), Instant.now().plusSeconds(600));
        String expired = AdminTokens.token(AdminTokens.ISSUER, List.of("admin"), Instant.now().minusSeconds(600));
        for (String token : new String[] {null, "not-a-jwt", otherIssuer, expired, AdminTokens.admin() + "x"}) {
            HttpResponse<String> response = Server.get("/api/admin/deliveries", token);
            assertThat(response.statusCode()).as(String.valueOf(token)).isEqualTo(401);
        }
        assertThat(json(Server.get("/api/admin/deliveries", null).body()).getString("error")).isNotBlank();
    }

    /**
     * Every admin operation (each {@code @RolesAllowed(ADMIN)} resource method under {@code /api/admin}), with the
     * method it is served by. Ids need not exist: the token is checked before anything is looked up.
     */
    private static final List<String[]> ADMIN_OPERATIONS = List.of(
            new String[] {"GET", "/api/admin/deliveries"},
            new String[] {"GET", "/api/admin/deliveries/x"},
            new String[] {"POST", "/api/admin/deliveries/x/replay"},
            new String[] {"POST", "/api/admin/deliveries/replay"},
            new String[] {"GET", "/api/admin/integrations"},
            new String[] {"GET", "/api/admin/summary"},
            new String[] {"GET", "/api/admin/jobs"},
            new String[] {"GET", "/api/admin/jobs/x"},
            new String[] {"POST", "/api/admin/jobs/notices/x/replay"},
            new String[] {"GET", "/api/admin/jira/workspaces"},
            new String[] {"GET", "/api/admin/jira/workspaces/x"},
            new String[] {"POST", "/api/admin/jira/workspaces"},
            new String[] {"PUT", "/api/admin/jira/workspaces/x/service-account"},
            new String[] {"DELETE", "/api/admin/jira/workspaces/x"},
            new String[] {"POST", "/api/admin/jira/workspaces/x/verify"},
            new String[] {"POST", "/api/admin/billing/customers/github:octocat"},
            new String[] {"GET", "/api/admin/slack/teams"},
            new String[] {"POST", "/api/admin/slack/teams/T0NONE/verify"},
            new String[] {"GET", "/api/admin/github/installations"},
            new String[] {"POST", "/api/admin/github/installations/1/verify"},
            new String[] {"POST", "/api/admin/tokens/reencrypt"});

    private static HttpResponse<String> call(String[] operation, String bearer, String cookie) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(Server.BASE.resolve(operation[1]))
                .timeout(java.time.Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(operation[0], operation[0].equals("GET") || operation[0].equals("DELETE")
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return Server.send(request.build());
    }

    /** No token, a tampered signature, a key of its own, alg none, expired, a foreign issuer: 401 on every operation. */
    @Test
    void everyAdminOperationRejectsEveryBadTokenWith401AndANonAdminWith403() {
        java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("not a JWT", "not-a-jwt");
        bad.put("tampered signature", AdminTokens.admin() + "x");
        bad.put("signed with another key", AdminTokens.foreignKeyAdmin());
        bad.put("alg none", AdminTokens.unsignedAdmin());
        bad.put("expired", AdminTokens.token(AdminTokens.ISSUER, List.of("admin"), Instant.now().minusSeconds(600)));
        bad.put("foreign issuer", AdminTokens.token("https://evil.example.com", List.of("admin"),
                Instant.now().plusSeconds(600)));
        String user = AdminTokens.user("it-not-admin");
        int workspaces = Database.queryInt("select count(*) from jira_workspace");
        int tried = 0;
        for (String[] operation : ADMIN_OPERATIONS) {
            String what = operation[0] + " " + operation[1];
            for (var token : bad.entrySet()) {
                HttpResponse<String> response = call(operation, token.getValue(), null);
                assertThat(response.statusCode()).as(what + " with " + token.getKey()).isEqualTo(401);
                assertThat(json(response.body()).getString("error")).as(what).isNotBlank();
                tried++;
            }
            HttpResponse<String> forbidden = call(operation, user, null);
            assertThat(forbidden.statusCode()).as(what + " as a non-admin").isEqualTo(403);
            assertThat(json(forbidden.body()).getString("error")).as(what).isNotBlank();
        }
        assertThat(tried).isEqualTo(ADMIN_OPERATIONS.size() * bad.size());
        assertThat(Database.queryInt("select count(*) from jira_workspace")).as("nothing created").isEqualTo(workspaces);
    }

    /**
     * CSRF: the API reads credentials from the Authorization header only, which a browser never adds to a cross-site
     * request; the cookies it would add (a session, a token in a cookie) count for nothing.
     */
    @Test
    void cookiesAloneAreNoCredentials() {
        String cookie = "JSESSIONID=abc; token=" + AdminTokens.admin() + "; Authorization=Bearer%20" + AdminTokens.admin();
        for (String[] operation : ADMIN_OPERATIONS) {
            HttpResponse<String> response = call(operation, null, cookie);
            assertThat(response.statusCode()).as(operation[0] + " " + operation[1]).isEqualTo(401);
        }
        HttpResponse<String> me = Server.send(java.net.http.HttpRequest.newBuilder(Server.BASE.resolve("/api/me"))
                .header("Cookie", cookie).GET().build());
        assertThat(me.statusCode()).as("the signed-in user's API too").isEqualTo(401);
        assertThat(me.headers().firstValue("Set-Cookie")).as("and no session is handed out").isEmpty();
    }

    /** Errors the container answers itself, outside JAX-RS, are JSON too: status plus {"error": ...}. */
    @Test
    void aWrongMethodOrAnUnknownPathIsAJsonError() {
        String admin = AdminTokens.admin();
        List<String[]> cases = List.of(
                new String[] {"GET", "/no-such-page", "404"},
                new String[] {"GET", "/console/no-such-file.js", "404"},
                // the container's file servlet refuses writes to its read-only files with 403
                new String[] {"PUT", "/console/index.html", "403"},
                new String[] {"DELETE", "/console/index.html", "403"},
                new String[] {"GET", "/api/no-such-resource", "404"},
                new String[] {"PUT", "/api/admin/summary", "405"},
                new String[] {"DELETE", "/api/admin/deliveries", "405"},
                new String[] {"PATCH", "/api/webhooks/github", "405"});
        for (String[] c : cases) {
            HttpResponse<String> response = call(new String[] {c[0], c[1]}, admin, null);
            String what = c[0] + " " + c[1];
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(Integer.parseInt(c[2]));
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
            assertThat(json(response.body()).getString("error")).as(what).isNotBlank();
        }
    }

    @Test
    void aTokenWithoutTheAdminGroupIs403() {
        String user = AdminTokens.token(AdminTokens.ISSUER, List.of("user"), Instant.now().plusSeconds(600));
        HttpResponse<String> response = Server.get("/api/admin/deliveries", user);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response.body()).getString("error")).isNotBlank();
        assertThat(Server.get("/api/admin/integrations", user).statusCode()).isEqualTo(403);
    }

    @Test
    void deliveriesAreListedNewestFirstFilteredAndPaged() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = Sample.jiraComment("it-admin-" + i + "-" + System.nanoTime()).send();
            assertThat(r.statusCode()).isEqualTo(202);
            sent.add(0, json(r.body()).getString("id"));
        }
        String admin = AdminTokens.admin();
        JsonObject page1 = json(Server.get("/api/admin/deliveries?platform=jira&event=comment_created&limit=2", admin).body());
        JsonArray items1 = page1.getJsonArray("items");
        assertThat(items1).hasSize(2);
        assertThat(ids(items1)).containsExactly(sent.get(0), sent.get(1));
        JsonObject first = items1.getJsonObject(0);
        assertThat(first.getString("platform")).isEqualTo("jira");
        assertThat(first.getString("event")).isEqualTo("comment_created");
        assertThat(first.getString("deliveryId")).startsWith("it-admin-2-");
        assertThat(first.containsKey("status")).isTrue();
        assertThat(first.getInt("attempts")).isGreaterThanOrEqualTo(0);
        assertThat(Instant.parse(first.getString("receivedAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(first.containsKey("lastError")).isTrue();

        String cursor = page1.getString("next");
        JsonObject page2 = json(Server.get("/api/admin/deliveries?platform=jira&event=comment_created&limit=2&cursor="
                + cursor, admin).body());
        assertThat(ids(page2.getJsonArray("items"))).startsWith(sent.get(2));

        JsonObject onlyGithub = json(Server.get("/api/admin/deliveries?platform=github&limit=500", admin).body());
        assertThat(onlyGithub.getJsonArray("items")).allSatisfy(
                v -> assertThat(v.asJsonObject().getString("platform")).isEqualTo("github"));
    }

    @Test
    void aDeliveryShowsItsPayloadAndHeadersWithoutSecrets() {
        Sample sample = Sample.gitlabNote("it-detail-" + System.nanoTime());
        String id = json(sample.send().body()).getString("id");
        HttpResponse<String> response = Server.get("/api/admin/deliveries/" + id, AdminTokens.admin());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject detail = json(response.body());
        assertThat(detail.getString("id")).isEqualTo(id);
        assertThat(detail.getString("deliveryId")).isEqualTo(sample.deliveryId());
        assertThat(detail.getJsonObject("payload").getJsonObject("object_attributes").getString("note"))
                .isEqualTo("@openhands please rebase this");
        JsonObject headers = detail.getJsonObject("headers");
        assertThat(headers.getJsonArray("x-gitlab-event").getString(0)).isEqualTo("Note Hook");
        assertThat(headers.keySet()).doesNotContain("x-gitlab-token");
        assertThat(response.body()).doesNotContain(Signed.GITLAB_SECRET);
    }

    @Test
    void unknownDeliveriesAre404AndBadQueriesAre400() {
        String admin = AdminTokens.admin();
        assertThat(Server.get("/api/admin/deliveries/nope", admin).statusCode()).isEqualTo(404);
        assertThat(Server.postEmpty("/api/admin/deliveries/nope/replay", admin).statusCode()).isEqualTo(404);
        for (String query : List.of("status=BOGUS", "platform=myspace", "limit=0", "limit=x", "cursor=%21%21")) {
            HttpResponse<String> response = Server.get("/api/admin/deliveries?" + query, admin);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response.body()).getString("error")).isNotBlank();
        }
    }

    @Test
    void theSummaryCountsTheLastHourAndTheTimeFilterBoundsTheList() {
        Instant before = Instant.now().minusSeconds(1);
        String id = json(Sample.githubPing("it-summary-" + System.nanoTime()).send().body()).getString("id");
        String admin = AdminTokens.admin();
        JsonObject summary = json(Server.get("/api/admin/summary", admin).body());
        long lastHour = summary.getJsonObject("lastHour").values().stream()
                .mapToLong(n -> ((jakarta.json.JsonNumber) n).longValue()).sum();
        assertThat(lastHour).isPositive();
        assertThat(summary.getJsonObject("lastHour").keySet()).contains("QUEUED", "PROCESSED", "DEAD");
        assertThat(summary.containsKey("oldestQueued")).isTrue();
        assertThat(Server.get("/api/admin/summary", AdminTokens.user("it-summary-user")).statusCode()).isEqualTo(403);

        JsonArray recent = json(Server.get("/api/admin/deliveries?platform=github&from=" + before, admin).body())
                .getJsonArray("items");
        assertThat(recent.getValuesAs(JsonObject.class)).extracting(o -> o.getString("id")).contains(id);
        JsonArray earlier = json(Server.get("/api/admin/deliveries?platform=github&to=" + before, admin).body())
                .getJsonArray("items");
        assertThat(earlier.getValuesAs(JsonObject.class)).extracting(o -> o.getString("id")).doesNotContain(id);
        assertThat(Server.get("/api/admin/deliveries?from=yesterday", admin).statusCode()).isEqualTo(400);
        assertThat(Server.get("/api/admin/deliveries?from=" + before + "&to=" + before, admin).statusCode()).isEqualTo(400);
    }

    @Test
    void bulkReplayNeedsStatusDeadAndAnswersWhatItReplayed() {
        String admin = AdminTokens.admin();
        HttpResponse<String> unstated = Server.postEmpty("/api/admin/deliveries/replay?platform=github", admin);
        assertThat(unstated.statusCode()).isEqualTo(400);
        assertThat(json(unstated.body()).getString("error")).contains("status=DEAD");
        assertThat(Server.postEmpty("/api/admin/deliveries/replay?status=PROCESSED", admin).statusCode()).isEqualTo(400);
        assertThat(Server.postEmpty("/api/admin/deliveries/replay?status=DEAD&limit=0", admin).statusCode()).isEqualTo(400);
        assertThat(Server.postEmpty("/api/admin/deliveries/replay?status=DEAD", AdminTokens.user("it-bulk")).statusCode())
                .isEqualTo(403);
        // nothing DEAD in the future: an empty, idempotent answer
        HttpResponse<String> none = Server.postEmpty("/api/admin/deliveries/replay?status=DEAD&from="
                + Instant.now().plusSeconds(3600), admin);
        assertThat(none.statusCode()).isEqualTo(202);
        assertThat(json(none.body()).getInt("replayed")).isZero();
        assertThat(json(none.body()).getBoolean("more")).isFalse();
    }

    @Test
    void integrationsReportEveryPlatform() {
        assertThat(Sample.stripeCustomerCreated("evt_it_integrations" + System.nanoTime()).send().statusCode()).isEqualTo(202);
        HttpResponse<String> response = Server.get("/api/admin/integrations", AdminTokens.admin());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonArray all = Json.createReader(new StringReader(response.body())).readArray();
        assertThat(all).hasSize(5);
        JsonObject stripe = all.stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("platform").equals("stripe")).findFirst().orElseThrow();
        assertThat(stripe.getBoolean("enabled")).isTrue();
        assertThat(stripe.getBoolean("configured")).isTrue();
        assertThat(stripe.getString("lastDeliveryAt")).isNotBlank();
        JsonObject counts = stripe.getJsonObject("counts");
        assertThat(counts.keySet()).contains("QUEUED", "PROCESSING", "PROCESSED", "IGNORED", "FAILED", "DEAD");
        long total = counts.values().stream().mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum();
        assertThat(total).isGreaterThanOrEqualTo(1);
    }

    @Test
    void readinessCoversDatabaseAndBrokerAndMetricsCountDeliveries() {
        HttpResponse<String> ready = Server.get("/health/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonObject health = json(ready.body());
        assertThat(health.getString("status")).isEqualTo("UP");
        List<String> checks = health.getJsonArray("checks").stream()
                .map(v -> v.asJsonObject().getString("name")).toList();
        assertThat(checks).contains("database", "broker", "github-circuit", "gitlab-circuit", "jira-circuit",
                "slack-circuit", "stripe-circuit");

        assertThat(Sample.githubPing("it-metrics-" + System.nanoTime()).send().statusCode()).isEqualTo(202);
        HttpResponse<String> metrics = Server.get("/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("switchboard_deliveries_received_total\\{[^}]*platform=\"github\"");
        assertThat(metrics.body()).contains("switchboard_intake_duration");
        assertThat(metrics.body()).containsPattern("switchboard_platform_circuit_open\\{[^}]*platform=\"stripe\"[^}]*\\} 0");
    }

    private static List<String> ids(JsonArray items) {
        return items.stream().map(v -> v.asJsonObject().getString("id")).toList();
    }
}
