package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GitLab hook installation, every branch of the seed's flowchart against a GitLab stub: resource gone,
 * no access, already installed, installed, rate-limited — and a delivery of the installed hook accepted
 * under its own secret.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GitLabHookSyncIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final String API = "/gitlab/api/v4";
    private static final String INTAKE = "http://127.0.0.1:8080/api/webhooks/gitlab";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void eachProjectEndsInTheFlowchartsRightStateAndTheInstalledHookIsTrusted() {
        String tag = UUID.randomUUID().toString().replace("-", "");
        long user = 5_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        String token = "gloat-hooks-" + tag;
        String bearer = GitLabLinks.link(tag, token, "glrt-hooks-" + tag, 7200, user);
        long base = 100_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 800_000L) * 10;
        long gone = base + 1;
        long reporter = base + 2;
        long already = base + 3;
        long fresh = base + 4;
        long limited = base + 5;
        String auth = "Bearer " + token;

        StringBuilder list = new StringBuilder("[");
        for (long id = gone; id <= limited; id++) {
            list.append(id == gone ? "" : ",").append("{\"id\":").append(id).append(",\"path_with_namespace\":\"acme/p")
                    .append(id).append("\",\"web_url\":\"https://gitlab.example.com/acme/p").append(id).append("\"}");
        }
        STUBS.stubFor(get(urlPathEqualTo(API + "/projects")).withHeader("Authorization", equalTo(auth))
                .withQueryParam("min_access_level", equalTo("40")).willReturn(okJson(list.append("]").toString())));
        STUBS.stubFor(get(urlPathEqualTo(API + "/groups")).withHeader("Authorization", equalTo(auth)).willReturn(okJson("[]")));
        STUBS.stubFor(get(urlPathEqualTo(API + "/projects/" + gone)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"404 Project Not Found\"}")));
        for (long id = reporter; id <= limited; id++) {
            STUBS.stubFor(get(urlPathEqualTo(API + "/projects/" + id)).willReturn(okJson("{\"id\":" + id + "}")));
            int level = id == reporter ? 30 : 40;
            STUBS.stubFor(get(urlPathEqualTo(API + "/projects/" + id + "/members/all/" + user)).willReturn(okJson(
                    "{\"id\":" + user + ",\"username\":\"u" + user + "\",\"access_level\":" + level + ",\"state\":\"active\"}")));
            STUBS.stubFor(get(urlPathEqualTo(API + "/projects/" + id + "/hooks")).willReturn(okJson(id == already
                    ? "[{\"id\":77,\"url\":\"" + INTAKE + "\",\"project_id\":" + id + ",\"note_events\":true}]" : "[]")));
        }
        STUBS.stubFor(post(urlPathEqualTo(API + "/projects/" + fresh + "/hooks")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":991,\"url\":\"" + INTAKE + "\"}")));
        // the upkeep timer re-checks installed hooks (every few seconds in the tests): both are there and executable
        STUBS.stubFor(get(urlPathEqualTo(API + "/projects/" + already + "/hooks/77")).willReturn(okJson(
                "{\"id\":77,\"url\":\"" + INTAKE + "\",\"project_id\":" + already + ",\"alert_status\":\"executable\"}")));
        STUBS.stubFor(get(urlPathEqualTo(API + "/projects/" + fresh + "/hooks/991")).willReturn(okJson(
                "{\"id\":991,\"url\":\"" + INTAKE + "\",\"project_id\":" + fresh + ",\"alert_status\":\"executable\"}")));
        STUBS.stubFor(post(urlPathEqualTo(API + "/projects/" + limited + "/hooks")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "60").withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Retry later\"}")));

        HttpResponse<String> sync = Server.postEmpty("/api/gitlab/webhooks/sync", bearer);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        Map<Long, JsonObject> byProject = new HashMap<>();
        for (JsonValue v : json(sync.body()).getJsonArray("hooks")) {
            byProject.put(v.asJsonObject().getJsonNumber("resourceId").longValue(), v.asJsonObject());
        }
        assertThat(byProject).hasSize(5);
        assertThat(byProject.get(gone).getString("status")).isEqualTo("INVALID");
        assertThat(byProject.get(gone).getString("reason")).contains("no longer exists");
        assertThat(byProject.get(reporter).getString("status")).isEqualTo("INVALID");
        assertThat(byProject.get(reporter).getString("reason")).contains("Maintainer");
        assertThat(byProject.get(already).getString("status")).isEqualTo("VERIFIED");
        assertThat(byProject.get(already).getInt("hookId")).isEqualTo(77);
        assertThat(byProject.get(fresh).getString("status")).isEqualTo("VERIFIED");
        assertThat(byProject.get(fresh).getInt("hookId")).isEqualTo(991);
        assertThat(byProject.get(limited).getString("status")).isEqualTo("RATE_LIMITED");
        assertThat(json(sync.body()).getString("incomplete")).as("GitLab's pause holds back the group listing too")
                .contains("groups not checked").contains("rate limit");
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(API + "/projects/" + already + "/hooks")))).isEmpty();

        var created = STUBS.findAll(postRequestedFor(urlPathEqualTo(API + "/projects/" + fresh + "/hooks")));
        assertThat(created).hasSize(1);
        JsonObject hook = Json.createReader(new StringReader(created.get(0).getBodyAsString())).readObject();
        assertThat(hook.getString("url")).isEqualTo(INTAKE);
        assertThat(hook.getBoolean("enable_ssl_verification")).isTrue();
        for (String events : new String[] {"note_events", "confidential_note_events", "issues_events",
                "confidential_issues_events", "merge_requests_events", "pipeline_events", "job_events"}) {
            assertThat(hook.getBoolean(events)).as(events).isTrue();
        }
        String secret = hook.getString("token");
        JsonArray headers = hook.getJsonArray("custom_headers");
        assertThat(headers.getJsonObject(0).getString("key")).isEqualTo("X-Switchboard-Hook");
        String hookRecord = headers.getJsonObject(0).getString("value");
        Map<String, Object> row = Tokens.row("select * from gitlab_webhooks where id = ?", hookRecord);
        assertThat(row.get("status")).isEqualTo("VERIFIED");
        assertThat(((Number) row.get("resource_id")).longValue()).isEqualTo(fresh);
        Tokens.assertNoPlaintext(secret);

        // GitLab's deliveries of that hook carry its own secret and name the hook
        Sample note = Sample.gitlabNote("it-hook-" + tag).withHeader("X-Gitlab-Token", secret)
                .withHeader("X-Switchboard-Hook", hookRecord);
        assertThat(note.send().statusCode()).isEqualTo(202);
        Sample forged = Sample.gitlabNote("it-hook-forged-" + tag).withHeader("X-Gitlab-Token", secret + "x")
                .withHeader("X-Switchboard-Hook", hookRecord);
        assertThat(forged.send().statusCode()).isEqualTo(403);
        Sample otherHook = Sample.gitlabNote("it-hook-other-" + tag).withHeader("X-Gitlab-Token", secret)
                .withHeader("X-Switchboard-Hook", UUID.randomUUID().toString());
        assertThat(otherHook.send().statusCode()).isEqualTo(403);

        JsonArray integrations = Json.createReader(new StringReader(
                Server.get("/api/admin/integrations", AdminTokens.admin()).body())).readArray();
        JsonObject gitlab = integrations.stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("platform").equals("gitlab")).findFirst().orElseThrow();
        assertThat(gitlab.getJsonObject("hooks").getInt("VERIFIED")).isGreaterThanOrEqualTo(2);
        assertThat(gitlab.getJsonObject("hooks").getInt("RATE_LIMITED")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void syncWithoutALinkedGitLabAccountIsA404() {
        HttpResponse<String> r = Server.postEmpty("/api/gitlab/webhooks/sync", AdminTokens.user("it-nolink-" + UUID.randomUUID()));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r.body()).getString("error")).contains("gitlab");
        assertThat(Server.postEmpty("/api/gitlab/webhooks/sync", null).statusCode()).isEqualTo(401);
    }
}
