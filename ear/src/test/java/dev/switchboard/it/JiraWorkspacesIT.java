package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API for Jira workspaces against the deployed EAR: sites registered by hand, the service
 * account's token stored encrypted and never answered, and the check through Jira's {@code myself} under
 * Jira's retry policy as the stub sees it (3 retries, linear; connection errors and 429 retried, 5xx and
 * other 4xx not; a long Retry-After given back as 503 and then held back for that token).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JiraWorkspacesIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final String WORKSPACES = "/api/admin/jira/workspaces";
    private static final List<String> TOKENS = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    /** A registered workspace and where the stub answers its {@code myself}. */
    record Site(String id, String token, String authorization, String myselfPath, JsonObject created) {
        String verifyPath() {
            return WORKSPACES + "/" + id + "/verify";
        }
    }

    /** A Data Center site under its own path on the stub: a personal access token as Bearer. */
    private static Site dataCenter() {
        String unique = unique();
        String token = "NjE0" + unique;
        String site = "http://127.0.0.1:" + ProviderStubs.PORT + "/jira-dc/" + unique;
        HttpResponse<String> r = send("POST", WORKSPACES, "{\"siteUrl\":\"" + site + "/\",\"serviceAccountToken\":\""
                + token + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject created = WebhookIntakeIT.json(r.body());
        return new Site(created.getString("id"), remember(token), "Bearer " + token,
                "/jira-dc/" + unique + "/rest/api/2/myself", created);
    }

    /** A Cloud site: its API through the gateway (JIRA_URL/ex/jira/{cloudId}) with Basic email:api token. */
    private static Site cloud() {
        String unique = unique();
        String cloudId = UUID.randomUUID().toString();
        String email = "switchboard-" + unique.substring(0, 8) + "@serviceaccount.atlassian.com";
        String token = "ATATT3xFfGF0" + unique;
        HttpResponse<String> r = send("POST", WORKSPACES, "{\"siteUrl\":\"https://acme-" + unique + ".atlassian.net\","
                + "\"cloudId\":\"" + cloudId + "\",\"serviceAccountEmail\":\"" + email + "\",\"serviceAccountToken\":\""
                + token + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject created = WebhookIntakeIT.json(r.body());
        return new Site(created.getString("id"), remember(token), basic(email, token),
                "/jira/ex/jira/" + cloudId + "/rest/api/2/myself", created);
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String remember(String token) {
        TOKENS.add(token);
        return token;
    }

    private static String basic(String email, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        return Server.send(HttpRequest.newBuilder(Server.BASE.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + AdminTokens.admin()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> verify(Site site) {
        return Server.postEmpty(site.verifyPath(), AdminTokens.admin());
    }

    /** Jira answers {@code myself} with the body; the check answers 200 with who that is. */
    private static JsonObject verified(Site site, String myself, String kind) {
        answer(site, okJson(myself));
        HttpResponse<String> r = verify(site);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject me = WebhookIntakeIT.json(r.body());
        assertThat(me.getString("kind")).isEqualTo(kind);
        return me;
    }

    private static void answer(Site site, ResponseDefinitionBuilder response) {
        STUBS.stubFor(get(urlPathEqualTo(site.myselfPath())).withHeader("Authorization", equalTo(site.authorization()))
                .willReturn(response));
    }

    /** Answers in turn, the last one for good. */
    private static void answers(Site site, ResponseDefinitionBuilder... responses) {
        String scenario = "myself-" + site.id();
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "call-" + i;
            String next = i == responses.length - 1 ? state : "call-" + (i + 1);
            STUBS.stubFor(get(urlPathEqualTo(site.myselfPath())).withHeader("Authorization", equalTo(site.authorization()))
                    .inScenario(scenario).whenScenarioStateIs(state).willSetStateTo(next).willReturn(responses[i]));
        }
    }

    private static int calls(Site site) {
        return STUBS.findAll(getRequestedFor(urlPathEqualTo(site.myselfPath()))
                .withHeader("Authorization", equalTo(site.authorization()))).size();
    }

    private static ResponseDefinitionBuilder error(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    /** Jira Cloud's {@code myself} for a service account (Atlassian's documented shape). */
    private static String cloudMyself() {
        return "{\"self\":\"https://acme.atlassian.net/rest/api/2/user?accountId=712020:2c8b8f0e-1a2b-4c3d-9e8f-0a1b2c3d4e5f\","
                + "\"accountId\":\"712020:2c8b8f0e-1a2b-4c3d-9e8f-0a1b2c3d4e5f\",\"accountType\":\"app\",\"appType\":\"service\","
                + "\"emailAddress\":\"switchboard-bot@serviceaccount.atlassian.com\",\"avatarUrls\":{},"
                + "\"displayName\":\"Switchboard Bot\",\"active\":true,\"timeZone\":\"Australia/Sydney\",\"locale\":\"en_US\","
                + "\"groups\":{\"size\":1,\"items\":[]},\"applicationRoles\":{\"size\":1,\"items\":[]},"
                + "\"expand\":\"groups,applicationRoles\"}";
    }

    /** Jira Data Center's {@code myself}: users by key and name. */
    private static String dataCenterMyself() {
        return "{\"self\":\"https://jira.example.com/rest/api/2/user?username=switchboard\",\"key\":\"JIRAUSER10100\","
                + "\"name\":\"switchboard\",\"emailAddress\":\"switchboard@example.com\",\"avatarUrls\":{},"
                + "\"displayName\":\"Switchboard Service\",\"active\":true,\"deleted\":false,\"timeZone\":\"Europe/Berlin\","
                + "\"locale\":\"en_US\",\"groups\":{\"size\":2,\"items\":[]},\"applicationRoles\":{\"size\":1,\"items\":[]},"
                + "\"expand\":\"groups,applicationRoles\"}";
    }

    /** How often PlatformCalls retried Jira's myself so far ({@code switchboard_platform_calls_total}). */
    private static double retried() {
        Matcher m = Pattern.compile("(?m)^switchboard_platform_calls_total\\{([^}]*)\\} ([0-9.E+-]+)$")
                .matcher(Server.get("/metrics", null).body());
        double total = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("platform=\"jira\"") && labels.contains("operation=\"myself\"")
                    && labels.contains("outcome=\"retried\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    @AfterAll
    static void noServiceAccountTokenReachedTheLog() {
        ServerLog.containsNone(TOKENS.toArray(String[]::new));
    }

    @Test
    void aDataCenterSiteIsCreatedListedAndVerifiedWithoutItsTokenEverShown() {
        Site site = dataCenter();
        assertThat(site.created().getString("kind")).isEqualTo("datacenter");
        assertThat(site.created().getString("siteUrl")).as("stored without the trailing slash").doesNotEndWith("/");
        assertThat(site.created().isNull("cloudId")).isTrue();
        assertThat(site.created().getBoolean("hasServiceAccountToken")).isTrue();
        assertThat(site.created().toString()).doesNotContain(site.token());

        HttpResponse<String> list = Server.get(WORKSPACES, AdminTokens.admin());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(site.id()).doesNotContain(site.token());
        HttpResponse<String> one = Server.get(WORKSPACES + "/" + site.id(), AdminTokens.admin());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(WebhookIntakeIT.json(one.body()).getString("siteUrl")).isEqualTo(site.created().getString("siteUrl"));

        JsonObject me = verified(site, dataCenterMyself(), "datacenter");
        assertThat(me.getString("key")).isEqualTo("JIRAUSER10100");
        assertThat(me.getString("name")).isEqualTo("switchboard");
        assertThat(me.getString("displayName")).isEqualTo("Switchboard Service");
        assertThat(me.getString("emailAddress")).isEqualTo("switchboard@example.com");
        assertThat(me.containsKey("accountId")).isFalse();
        assertThat(me.toString()).doesNotContain(site.token());
        assertThat(calls(site)).as("the personal access token went as Bearer to the site's own URL").isEqualTo(1);

        Map<String, Object> row = Tokens.row("select * from jira_workspace where id = ?", site.id());
        assertThat((String) row.get("service_account_token")).startsWith("v1.").doesNotContain(site.token());
        Tokens.assertNoPlaintext(site.token());
    }

    @Test
    void aCloudSiteGetsItsServiceAccountLaterAndIsVerifiedThroughTheGateway() {
        String unique = unique();
        String cloudId = UUID.randomUUID().toString();
        HttpResponse<String> created = send("POST", WORKSPACES, "{\"siteUrl\":\"https://Cloud-" + unique
                + ".atlassian.net\",\"cloudId\":\"" + cloudId + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject workspace = WebhookIntakeIT.json(created.body());
        String id = workspace.getString("id");
        assertThat(created.headers().firstValue("Location").map(URI::create).map(URI::getPath))
                .contains(WORKSPACES + "/" + id);
        assertThat(workspace.getString("kind")).isEqualTo("cloud");
        assertThat(workspace.getString("siteUrl")).isEqualTo("https://cloud-" + unique + ".atlassian.net");
        assertThat(workspace.getBoolean("hasServiceAccountToken")).isFalse();

        HttpResponse<String> unset = Server.postEmpty(WORKSPACES + "/" + id + "/verify", AdminTokens.admin());
        assertThat(unset.statusCode()).isEqualTo(409);
        assertThat(unset.body()).contains("no service account");

        String token = remember("ATATT3xFfGF0" + unique);
        HttpResponse<String> noEmail = send("PUT", WORKSPACES + "/" + id + "/service-account",
                "{\"serviceAccountToken\":\"" + token + "\"}");
        assertThat(noEmail.statusCode()).isEqualTo(400);
        assertThat(noEmail.body()).contains("serviceAccountEmail").doesNotContain(token);

        String email = "bot-" + unique.substring(0, 6) + "@serviceaccount.atlassian.com";
        HttpResponse<String> set = send("PUT", WORKSPACES + "/" + id + "/service-account",
                "{\"serviceAccountEmail\":\"" + email + "\",\"serviceAccountToken\":\"" + token + "\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(WebhookIntakeIT.json(set.body()).getBoolean("hasServiceAccountToken")).isTrue();
        assertThat(WebhookIntakeIT.json(set.body()).getString("serviceAccountEmail")).isEqualTo(email);
        assertThat(set.body()).doesNotContain(token);

        Site site = new Site(id, token, basic(email, token), "/jira/ex/jira/" + cloudId + "/rest/api/2/myself", workspace);
        JsonObject me = verified(site, cloudMyself(), "cloud");
        assertThat(me.getString("accountId")).isEqualTo("712020:2c8b8f0e-1a2b-4c3d-9e8f-0a1b2c3d4e5f");
        assertThat(me.getString("displayName")).isEqualTo("Switchboard Bot");
        assertThat(me.containsKey("key")).isFalse();
        assertThat(calls(site)).as("Basic email:token at JIRA_URL/ex/jira/{cloudId}").isEqualTo(1);
        Tokens.assertNoPlaintext(token);
    }

    @Test
    void badRequestsGetAStatusAndAJsonError() {
        HttpResponse<String> plainHttp = send("POST", WORKSPACES, "{\"siteUrl\":\"http://jira.example.com\"}");
        assertThat(plainHttp.statusCode()).isEqualTo(400);
        assertThat(WebhookIntakeIT.json(plainHttp.body()).getString("error")).contains("https");
        HttpResponse<String> noCloudId = send("POST", WORKSPACES, "{\"siteUrl\":\"https://acme-" + unique() + ".atlassian.net\"}");
        assertThat(noCloudId.statusCode()).isEqualTo(400);
        assertThat(WebhookIntakeIT.json(noCloudId.body()).getString("error")).contains("cloudId");
        for (String metadata : List.of("https://169.254.169.254/latest", "https://[fd00:ec2::254]", "https://[fe80::1]")) {
            HttpResponse<String> ssrf = send("POST", WORKSPACES, "{\"siteUrl\":\"" + metadata + "\"}");
            assertThat(ssrf.statusCode()).as(metadata).isEqualTo(400);
            assertThat(WebhookIntakeIT.json(ssrf.body()).getString("error")).as(metadata).contains("may not reach");
        }
        for (String body : List.of("not json", "[]", "{}", "{\"siteUrl\":42}", "{\"siteUrl\":\"https://jira.example.com\","
                + "\"cloudId\":\"../admin\"}")) {
            HttpResponse<String> r = send("POST", WORKSPACES, body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(WebhookIntakeIT.json(r.body()).getString("error")).as(body).isNotBlank();
        }

        Site site = dataCenter();
        String siteUrl = site.created().getString("siteUrl");
        HttpResponse<String> duplicate = send("POST", WORKSPACES, "{\"siteUrl\":\""
                + siteUrl.replace("http://", "HTTP://") + "//\"}");
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(409);
        assertThat(WebhookIntakeIT.json(duplicate.body()).getString("error")).contains("already");

        assertThat(Server.get(WORKSPACES, null).statusCode()).isEqualTo(401);
        assertThat(Server.get(WORKSPACES, AdminTokens.user("it-jira-" + unique())).statusCode()).isEqualTo(403);
        assertThat(Server.postEmpty(WORKSPACES + "/no-such-workspace/verify", AdminTokens.admin()).statusCode()).isEqualTo(404);
        assertThat(send("PUT", WORKSPACES + "/no-such-workspace/service-account", "{\"serviceAccountToken\":\"x\"}")
                .statusCode()).isEqualTo(404);

        assertThat(Server.delete(WORKSPACES + "/" + site.id(), AdminTokens.admin()).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = Server.get(WORKSPACES + "/" + site.id(), AdminTokens.admin());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(WebhookIntakeIT.json(gone.body()).getString("error")).contains("no Jira workspace");
        assertThat(Server.delete(WORKSPACES + "/" + site.id(), AdminTokens.admin()).statusCode()).isEqualTo(404);
    }

    @Test
    void aShortRateLimitIsWaitedOut() {
        Site site = cloud();
        answers(site, error(429, "{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}").withHeader("Retry-After", "1"),
                okJson(cloudMyself()));
        long started = System.nanoTime();
        HttpResponse<String> r = verify(site);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).as("waited the Retry-After").isGreaterThanOrEqualTo(1000);
        assertThat(calls(site)).isEqualTo(2);
    }

    /**
     * Three requests at the stub. Not all of them are the policy's: the JDK's HttpURLConnection (the REST
     * client's connector) resends a GET once by itself after a reset, so here the first two requests are one
     * attempt; the next test shows it.
     */
    @Test
    void connectionResetsAreRetried() {
        Site site = dataCenter();
        answers(site, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(dataCenterMyself()));
        HttpResponse<String> r = verify(site);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(calls(site)).isEqualTo(3);
    }

    @Test
    void aJiraThatCannotBeReachedIsA503AfterJirasRetries() {
        Site site = dataCenter();
        double retriedBefore = retried();
        answer(site, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        HttpResponse<String> r = verify(site);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(WebhookIntakeIT.json(r.body()).getString("error")).contains("could not be reached");
        assertThat(retried() - retriedBefore).as("Jira's policy: the call and 3 retries").isEqualTo(3.0);
        // when the connector stops resending on its own, this becomes 4
        assertThat(calls(site)).as("4 attempts, each sent twice: HttpURLConnection resends a GET after a reset")
                .isEqualTo(8);
    }

    /** Jira answers once with the error: the check answers 502 with a message naming it, and nothing is retried. */
    private static String badGatewayAfterOneCall(Site site, ResponseDefinitionBuilder jiraAnswer) {
        answer(site, jiraAnswer);
        HttpResponse<String> r = verify(site);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        assertThat(calls(site)).as("Jira's policy retries neither 5xx nor other 4xx").isEqualTo(1);
        return WebhookIntakeIT.json(r.body()).getString("error");
    }

    @Test
    void aServerErrorIsNotRetried() {
        assertThat(badGatewayAfterOneCall(dataCenter(),
                error(500, "{\"errorMessages\":[\"Internal server error\"],\"errors\":{}}"))).contains("HTTP 500");
    }

    @Test
    void aNotFoundIsNotRetried() {
        assertThat(badGatewayAfterOneCall(cloud(),
                error(404, "{\"errorMessages\":[\"Site temporarily unavailable\"],\"errors\":{}}"))).contains("cloud id");
    }

    @Test
    void aRefusedServiceAccountIsA502WithAClearMessage() {
        Site site = cloud();
        assertThat(badGatewayAfterOneCall(site, error(401, "{\"errorMessages\":[\"You are not authenticated."
                + " Authentication required to perform this operation.\"],\"errors\":{}}")))
                .contains("refused the service account").contains("HTTP 401").doesNotContain(site.token());
    }

    @Test
    void aLongRateLimitIsGivenBackAndHeldForTheToken() {
        Site site = cloud();
        answer(site, error(429, "{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}").withHeader("Retry-After", "120"));
        HttpResponse<String> first = verify(site);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(503);
        assertThat(Long.parseLong(first.headers().firstValue("Retry-After").orElseThrow())).isGreaterThanOrEqualTo(120);
        assertThat(WebhookIntakeIT.json(first.body()).getString("error")).isNotBlank();

        HttpResponse<String> again = verify(site);
        assertThat(again.statusCode()).isEqualTo(503);
        assertThat(Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(60);
        assertThat(calls(site)).as("held back while the limit is in force: Jira is not asked again").isEqualTo(1);
    }
}
