package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A linked GitLab user whose projects got Switchboard's hook through the real sync against the GitLab stub: project id →
 * GitLab hook id. Every hook answers GET as "executable" until a test stubs it otherwise.
 */
record GitLabHooksInstalled(String bearer, String token, Map<Long, Long> hooks) {

    static final String API = "/gitlab/api/v4";
    /** Where the hooks point: SWITCHBOARD_PUBLIC_URL in ear/pom.xml. */
    private static final String INTAKE = "http://127.0.0.1:8080/api/webhooks/gitlab";

    long project(int index) {
        return List.copyOf(hooks.keySet()).get(index);
    }

    /** Linked and synced at the test server. */
    static GitLabHooksInstalled on(int projects) {
        return through(Server.BASE, Server.BASE, projects);
    }

    /** Linking starts at one server; its callback and the sync go to another (or the same). */
    static GitLabHooksInstalled through(URI linkAt, URI syncAt, int projects) {
        WireMockServer stubs = ProviderStubs.start();
        String tag = UUID.randomUUID().toString().replace("-", "");
        long user = unique(6_000_000L, 1_000_000L);
        String token = "gloat-upkeep-" + tag;
        String bearer = GitLabLinks.link(linkAt, syncAt, tag, token, "glrt-upkeep-" + tag, 7200, user);
        long first = unique(1_000_000L, 8_000_000L) * 10;
        Map<Long, Long> hooks = new LinkedHashMap<>();
        StringBuilder list = new StringBuilder("[");
        for (long project = first; project < first + projects; project++) {
            long hook = project + 50_000_000L;
            hooks.put(project, hook);
            list.append(project == first ? "" : ",").append("{\"id\":").append(project)
                    .append(",\"path_with_namespace\":\"acme/upkeep-").append(project).append("\"}");
            stubs.stubFor(get(urlPathEqualTo(API + "/projects/" + project)).willReturn(okJson("{\"id\":" + project + "}")));
            stubs.stubFor(get(urlPathEqualTo(API + "/projects/" + project + "/members/all/" + user)).willReturn(okJson(
                    "{\"id\":" + user + ",\"username\":\"u" + user + "\",\"access_level\":40,\"state\":\"active\"}")));
            stubs.stubFor(get(urlPathEqualTo(API + "/projects/" + project + "/hooks")).willReturn(okJson("[]")));
            stubs.stubFor(post(urlPathEqualTo(API + "/projects/" + project + "/hooks")).willReturn(created(hook, project)));
            stubs.stubFor(get(urlPathEqualTo(API + "/projects/" + project + "/hooks/" + hook))
                    .willReturn(okJson(hook(hook, project, "executable", null))));
        }
        stubs.stubFor(get(urlPathEqualTo(API + "/projects")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(list.append("]").toString())));
        stubs.stubFor(get(urlPathEqualTo(API + "/groups")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[]")));
        HttpResponse<String> sync = Server.postEmpty(syncAt, "/api/gitlab/webhooks/sync", bearer);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        for (JsonValue v : json(sync.body()).getJsonArray("hooks")) {
            assertThat(v.asJsonObject().getString("status")).as(v.toString()).isEqualTo("VERIFIED");
        }
        return new GitLabHooksInstalled(bearer, token, hooks);
    }

    /** GitLab's hook JSON as GET /projects/:id/hooks/:hook_id answers it. */
    static String hook(long hook, long project, String alertStatus, String disabledUntil) {
        return "{\"id\":" + hook + ",\"url\":\"" + INTAKE + "\",\"name\":\"Switchboard\",\"project_id\":" + project
                + ",\"push_events\":false,\"issues_events\":true,\"confidential_issues_events\":true,"
                + "\"merge_requests_events\":true,\"note_events\":true,\"confidential_note_events\":true,"
                + "\"job_events\":true,\"pipeline_events\":true,\"enable_ssl_verification\":true,"
                + "\"alert_status\":\"" + alertStatus + "\",\"disabled_until\":"
                + (disabledUntil == null ? "null" : "\"" + disabledUntil + "\"")
                + ",\"url_variables\":[],\"created_at\":\"2026-03-02T09:15:27.000Z\","
                + "\"custom_headers\":[{\"key\":\"X-Switchboard-Hook\"}]}";
    }

    static ResponseDefinitionBuilder created(long hook, long project) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(hook(hook, project, "executable", null));
    }

    private static long unique(long base, long spread) {
        return base + Math.abs(UUID.randomUUID().getMostSignificantBits() % spread);
    }
}
