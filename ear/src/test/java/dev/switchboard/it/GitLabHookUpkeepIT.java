package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The upkeep of installed GitLab hooks against the GitLab stub: the timer (every 3 s here, see ear/pom.xml)
 * installs a hook deleted at GitLab again with a new secret, re-enables a hook GitLab disabled with a test
 * delivery (or marks it DISABLED when that fails), and unlinking GitLab deletes the user's hooks at GitLab
 * before the token is revoked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GitLabHookUpkeepIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final String API = GitLabHooksInstalled.API;
    private static final Duration TIMER = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    private static GitLabHooksInstalled installed(int projects) {
        return GitLabHooksInstalled.on(projects);
    }

    private static String hook(long hook, long project, String alertStatus, String disabledUntil) {
        return GitLabHooksInstalled.hook(hook, project, alertStatus, disabledUntil);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(long hook, long project) {
        return GitLabHooksInstalled.created(hook, project);
    }

    private static Map<String, Object> record(long project) {
        return Tokens.row("select * from gitlab_webhooks where resource_type = 'PROJECT' and resource_id = ?", project);
    }

    /** Waits for the timer to bring the project's record where the test wants it. */
    private static Map<String, Object> awaitRecord(long project, Predicate<Map<String, Object>> done) {
        long deadline = System.nanoTime() + TIMER.toNanos();
        Map<String, Object> row = record(project);
        while (!done.test(row)) {
            assertThat(System.nanoTime()).as("record of project " + project + " after " + TIMER + ": " + row)
                    .isLessThan(deadline);
            Database.sleep(200);
            row = record(project);
        }
        return row;
    }

    private static String secretSent(LoggedRequest createHook) {
        return Json.createReader(new StringReader(createHook.getBodyAsString())).readObject().getString("token");
    }

    @Test
    void aHookDeletedAtGitLabIsInstalledAgainWithANewSecret() {
        GitLabHooksInstalled installed = installed(1);
        long project = installed.project(0);
        long gone = installed.hooks().get(project);
        long again = gone + 1;
        String recordId = (String) record(project).get("id");
        String oldCiphertext = (String) record(project).get("secret");

        // someone deletes the hook at GitLab
        STUBS.stubFor(get(urlPathEqualTo(API + "/projects/" + project + "/hooks/" + gone)).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json").withBody("{\"message\":\"404 Not found\"}")));
        STUBS.stubFor(post(urlPathEqualTo(API + "/projects/" + project + "/hooks")).willReturn(created(again, project)));
        STUBS.stubFor(get(urlPathEqualTo(API + "/projects/" + project + "/hooks/" + again))
                .willReturn(okJson(hook(again, project, "executable", null))));

        Map<String, Object> row = awaitRecord(project, r -> ((Number) r.get("hook_id")).longValue() == again);
        assertThat(row.get("status")).isEqualTo("VERIFIED");
        assertThat(row.get("id")).isEqualTo(recordId);
        assertThat(row.get("secret")).isNotEqualTo(oldCiphertext);
        STUBS.verify(getRequestedFor(urlPathEqualTo(API + "/projects/" + project + "/hooks/" + gone))
                .withHeader("Authorization", equalTo("Bearer " + installed.token())));

        List<LoggedRequest> creations = STUBS.findAll(postRequestedFor(urlPathEqualTo(API + "/projects/" + project + "/hooks")));
        assertThat(creations).hasSize(2);
        String oldSecret = secretSent(creations.get(0));
        String newSecret = secretSent(creations.get(1));
        assertThat(newSecret).isNotEqualTo(oldSecret);
        JsonObject reinstalled = Json.createReader(new StringReader(creations.get(1).getBodyAsString())).readObject();
        assertThat(reinstalled.getJsonArray("custom_headers").getJsonObject(0).getString("value")).isEqualTo(recordId);

        // deliveries of the new hook are trusted under its new secret only
        String tag = UUID.randomUUID().toString();
        assertThat(Sample.gitlabNote("it-upkeep-new-" + tag).withHeader("X-Gitlab-Token", newSecret)
                .withHeader("X-Switchboard-Hook", recordId).send().statusCode()).isEqualTo(202);
        assertThat(Sample.gitlabNote("it-upkeep-old-" + tag).withHeader("X-Gitlab-Token", oldSecret)
                .withHeader("X-Switchboard-Hook", recordId).send().statusCode()).isEqualTo(403);
    }

    @Test
    void aHookGitLabDisabledIsReEnabledByATestDeliveryOrShownAsDisabled() {
        GitLabHooksInstalled installed = installed(2);
        long healed = installed.project(0);
        long stuck = installed.project(1);
        long healedHook = installed.hooks().get(healed);
        long stuckHook = installed.hooks().get(stuck);
        STUBS.stubFor(get(urlPathEqualTo(API + "/projects/" + healed + "/hooks/" + healedHook))
                .willReturn(okJson(hook(healedHook, healed, "disabled", null))));
        STUBS.stubFor(post(urlPathEqualTo(API + "/projects/" + healed + "/hooks/" + healedHook + "/test/push_events"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"201 Created\"}")));
        STUBS.stubFor(get(urlPathEqualTo(API + "/projects/" + stuck + "/hooks/" + stuckHook))
                .willReturn(okJson(hook(stuckHook, stuck, "temporarily_disabled", "2099-01-01T00:00:00.000Z"))));
        STUBS.stubFor(post(urlPathEqualTo(API + "/projects/" + stuck + "/hooks/" + stuckHook + "/test/push_events"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Failed to open TCP connection to 127.0.0.1:8080 (Connection refused)\"}")));

        Map<String, Object> reEnabled = awaitRecord(healed, r -> String.valueOf(r.get("status_reason")).startsWith("re-enabled"));
        assertThat(reEnabled.get("status")).isEqualTo("VERIFIED");
        assertThat(((Number) reEnabled.get("hook_id")).longValue()).isEqualTo(healedHook);
        STUBS.verify(postRequestedFor(urlPathEqualTo(API + "/projects/" + healed + "/hooks/" + healedHook + "/test/push_events"))
                .withHeader("Authorization", equalTo("Bearer " + installed.token())));

        Map<String, Object> disabled = awaitRecord(stuck, r -> "DISABLED".equals(r.get("status")));
        assertThat((String) disabled.get("status_reason")).contains("until 2099-01-01T00:00:00Z")
                .contains("HTTP 422: Failed to open TCP connection");
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(API + "/projects/" + stuck + "/hooks")))).hasSize(1);

        // operators see it, with why
        JsonArray integrations = Json.createReader(new StringReader(
                Server.get("/api/admin/integrations", AdminTokens.admin()).body())).readArray();
        JsonObject gitlab = integrations.stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("platform").equals("gitlab")).findFirst().orElseThrow();
        assertThat(gitlab.getJsonObject("hooks").getInt("DISABLED")).isGreaterThanOrEqualTo(1);
        JsonObject listed = gitlab.getJsonArray("hooksNeedingAttention").stream().map(JsonValue::asJsonObject)
                .filter(h -> h.getJsonNumber("resourceId").longValue() == stuck).findFirst().orElseThrow();
        assertThat(listed.getString("status")).isEqualTo("DISABLED");
        assertThat(listed.getString("path")).isEqualTo("acme/upkeep-" + stuck);
        assertThat(listed.getString("reason")).contains("HTTP 422");
    }

    @Test
    void unlinkingDeletesTheHooksAtGitLabBeforeRevokingTheToken() {
        GitLabHooksInstalled installed = installed(2);
        long deleted = installed.project(0);
        long refused = installed.project(1);
        STUBS.stubFor(delete(urlPathEqualTo(API + "/projects/" + deleted + "/hooks/" + installed.hooks().get(deleted)))
                .willReturn(aResponse().withStatus(204)));
        STUBS.stubFor(delete(urlPathEqualTo(API + "/projects/" + refused + "/hooks/" + installed.hooks().get(refused)))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"500 Internal Server Error\"}")));
        STUBS.stubFor(post(urlPathEqualTo("/gitlab/oauth/revoke")).withRequestBody(containing("token=" + installed.token()))
                .willReturn(okJson("{}")));

        HttpResponse<String> unlinked = Server.delete("/api/me/accounts/gitlab", installed.bearer());
        assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(200);
        JsonObject answer = json(unlinked.body());
        assertThat(answer.getBoolean("revokedAtProvider")).isTrue();
        assertThat(answer.getJsonObject("webhooks").getInt("removed")).isEqualTo(1);
        JsonArray left = answer.getJsonObject("webhooks").getJsonArray("leftAtProvider");
        assertThat(left).hasSize(1);
        assertThat(left.getString(0)).contains("acme/upkeep-" + refused).contains("HTTP 500");

        for (long project : installed.hooks().keySet()) {
            List<LoggedRequest> deletions = STUBS.findAll(deleteRequestedFor(urlPathEqualTo(
                    API + "/projects/" + project + "/hooks/" + installed.hooks().get(project)))
                    .withHeader("Authorization", equalTo("Bearer " + installed.token())));
            assertThat(deletions).hasSize(1);
            LoggedRequest revoke = STUBS.findAll(postRequestedFor(urlPathEqualTo("/gitlab/oauth/revoke"))
                    .withRequestBody(containing("token=" + installed.token()))).get(0);
            assertThat(deletions.get(0).getLoggedDate()).isBeforeOrEqualTo(revoke.getLoggedDate());
            assertThat(Database.queryInt("select count(*) from gitlab_webhooks where resource_type = 'PROJECT'"
                    + " and resource_id = ?", project)).isZero();
        }
        assertThat(Server.get("/api/me/accounts", installed.bearer()).body()).isEqualTo("[]");
    }
}
