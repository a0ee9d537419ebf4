package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Jira job end to end through the deployed EAR: WireMock plays Jira Cloud through the API gateway
 * ({@code /jira/ex/jira/{cloudId}}), GitHub (the requester's repositories), the Atlassian and GitHub OAuth
 * endpoints and the agent server ({@code /agent}). The site is a workspace created through the admin API; the
 * requester links their Atlassian and GitHub accounts through the real OAuth flows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JiraJobsIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CALLBACK_SECRET = "it-agent-callback-secret";
    private static final List<String> SECRETS = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    /** A Cloud site with its own cloud id, so tests never share stubs; one issue on it. */
    private record Site(String url, String cloudId, String issueKey) {
        String api() {
            return "/jira/ex/jira/" + cloudId + "/rest/api";
        }

        String self() {
            return url + "/rest/api/2/issue/10010";
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Registers the site through the admin API with a service account, and stubs its issue and comments. */
    private static Site site() {
        String u = unique();
        Site site = new Site("https://acme-" + u.substring(0, 10) + ".atlassian.net", UUID.randomUUID().toString(),
                "API-" + (100 + Math.abs(u.hashCode() % 9000)));
        String email = "switchboard-" + u.substring(0, 6) + "@serviceaccount.atlassian.com";
        String token = "ATATT3xFfGF0" + u;
        SECRETS.add(token);
        HttpResponse<String> created = Server.send(HttpRequest.newBuilder(Server.BASE.resolve("/api/admin/jira/workspaces"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + AdminTokens.admin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"siteUrl\":\"" + site.url() + "\",\"cloudId\":\""
                        + site.cloudId() + "\",\"serviceAccountEmail\":\"" + email + "\",\"serviceAccountToken\":\""
                        + token + "\"}")).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String basic = "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
        STUBS.stubFor(get(urlPathEqualTo(site.api() + "/2/issue/" + site.issueKey()))
                .withHeader("Authorization", equalTo(basic)).willReturn(okJson("""
                        {"id":"10010","key":"%s","fields":{"summary":"Checkout fails with saved cards",
                         "description":"h3. Steps\\n# Pay with a *saved* card\\n# See {{card_declined}}"}}"""
                        .formatted(site.issueKey()))));
        STUBS.stubFor(get(urlPathEqualTo(site.api() + "/2/issue/" + site.issueKey() + "/comment"))
                .withQueryParam("orderBy", equalTo("-created")).withHeader("Authorization", equalTo(basic))
                .willReturn(okJson(comments(14))));
        STUBS.stubFor(post(urlPathEqualTo(site.api() + "/3/issue/" + site.issueKey() + "/comment"))
                .withHeader("Authorization", equalTo(basic))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + (20000 + Math.abs(u.hashCode() % 1000)) + "\"}")));
        return site;
    }

    /** Jira's newest-first page: the asking comment (id 1) and the newest of {@code total} earlier ones. */
    private static String comments(int total) {
        StringBuilder json = new StringBuilder("{\"startAt\":0,\"maxResults\":11,\"total\":" + (total + 1)
                + ",\"comments\":[{\"id\":\"1\",\"body\":\"the request itself\",\"author\":{\"displayName\":\"Mia\"}}");
        for (int i = total; i > total - 10; i--) {
            json.append(",{\"id\":\"").append(100 + i).append("\",\"body\":\"earlier *comment* ").append(i)
                    .append("\",\"author\":{\"accountId\":\"a").append(i).append("\",\"displayName\":\"Dev ").append(i)
                    .append("\"}}");
        }
        return json.append("]}").toString();
    }

    /** A Switchboard user with linked Atlassian and GitHub accounts; GitHub lists {@code repositories} for them. */
    private static String requester(Site site, String... repositories) {
        String accountId = "712020:" + UUID.randomUUID();
        String bearer = AdminTokens.user("it-jira-jobs-" + unique());
        String code = "ji-code-" + unique();
        String atlassianToken = "eyJ" + unique();
        JiraLinks.stub(code, atlassianToken, accountId, site.cloudId(), site.url());
        HttpResponse<String> jira = OAuthFlow.start("jira", bearer).callback(code);
        assertThat(jira.statusCode()).as(jira.body()).isEqualTo(200);

        String ghCode = "gh-code-" + unique();
        String ghToken = "ghu_" + unique();
        long githubId = 600_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        STUBS.stubFor(post(urlPathEqualTo("/github/login/oauth/access_token")).withRequestBody(containing("code=" + ghCode))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-www-form-urlencoded")
                        .withBody("access_token=" + ghToken + "&expires_in=28800&refresh_token=ghr_j" + githubId
                                + "&refresh_token_expires_in=15811200&scope=&token_type=bearer")));
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user")).withHeader("Authorization", equalTo("Bearer " + ghToken))
                .willReturn(okJson("{\"login\":\"mia-" + githubId + "\",\"id\":" + githubId + ",\"type\":\"User\"}")));
        StringBuilder repos = new StringBuilder("[");
        for (String repository : repositories) {
            repos.append(repos.length() == 1 ? "" : ",").append("{\"full_name\":\"").append(repository).append("\"}");
        }
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user/repos")).withHeader("Authorization", equalTo("Bearer " + ghToken))
                .willReturn(okJson(repos.append(']').toString())));
        HttpResponse<String> github = OAuthFlow.start("github", bearer).callback(ghCode);
        assertThat(github.statusCode()).as(github.body()).isEqualTo(200);
        return accountId;
    }

    private static String conversation(Site site) {
        String id = "conv" + unique();
        STUBS.stubFor(post(urlPathEqualTo("/agent/api/conversations"))
                .withRequestBody(matchingJsonPath("$.initial_user_msg", containing(site.issueKey() + " (" + site.url())))
                .willReturn(okJson("{\"status\":\"ok\",\"conversation_id\":\"" + id + "\"}")));
        return id;
    }

    private static List<LoggedRequest> conversations(Site site) {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/agent/api/conversations"))
                .withRequestBody(matchingJsonPath("$.initial_user_msg", containing(site.issueKey() + " (" + site.url()))));
    }

    private static Sample comment(Site site, String accountId, String text) {
        String identifier = "it-jira-job-" + unique();
        byte[] body = Sample.utf8("""
                {"timestamp":1732700000000,"webhookEvent":"comment_created",
                 "comment":{"id":"1","self":"%s/comment/1","body":%s,
                            "author":{"accountId":"%s","displayName":"Mia Krystof","accountType":"atlassian"}},
                 "issue":{"id":"10010","key":"%s","self":"%s",
                          "fields":{"summary":"Checkout fails with saved cards","labels":[]}}}
                """.formatted(site.self(), Sample.jsonString(text), accountId, site.issueKey(), site.self()));
        return new Sample("jira", "/api/webhooks/jira", identifier, Signed.jira(identifier, body), body);
    }

    private static String accepted(Sample sample) {
        HttpResponse<String> response = sample.send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response.body()).getString("id");
    }

    private static List<LoggedRequest> commented(Site site, String containing) {
        RequestPatternBuilder pattern = postRequestedFor(urlPathEqualTo(site.api() + "/3/issue/" + site.issueKey()
                + "/comment"));
        if (containing != null) {
            pattern = pattern.withRequestBody(containing(containing));
        }
        return STUBS.findAll(pattern);
    }

    private static List<LoggedRequest> awaitComment(Site site, String containing) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && commented(site, containing).isEmpty()) {
            Database.sleep(200);
        }
        return commented(site, containing);
    }

    private static HttpResponse<String> push(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Server.post("/api/agent/events", Map.of("Content-Type", "application/json",
                "X-Signature-256", "sha256=" + Signed.hmac(CALLBACK_SECRET, bytes)), bytes);
    }

    private static void replay(String id, String... statuses) {
        assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        Database.awaitStatus(id, WAIT, statuses);
        Database.sleep(700);
    }

    @AfterAll
    static void noServiceAccountTokenReachedTheLog() {
        ServerLog.containsNone(SECRETS.toArray(String[]::new));
    }

    @Test
    void aMentionNamingTheRepositoryStartsOneConversationAcknowledgesOnceAndPostsTheSummaryOnce() {
        Site site = site();
        String accountId = requester(site, "acme/api", "acme/web");
        String conversation = conversation(site);

        String id = accepted(comment(site, accountId, "@openhands please fix the checkout in acme/api"));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
        assertThat((String) row.get("outcome")).contains(conversation).contains("acme/api").contains(site.issueKey());

        List<LoggedRequest> started = conversations(site);
        assertThat(started).hasSize(1);
        JsonObject request = json(started.get(0).getBodyAsString());
        assertThat(request.getString("repository")).isEqualTo("acme/api");
        assertThat(request.getString("git_provider")).isEqualTo("github");
        assertThat(request.getString("initial_user_msg")).contains(site.url() + "/browse/" + site.issueKey())
                .contains("Checkout fails with saved cards").contains("Pay with a saved card").contains("card_declined")
                .contains("earlier comment 14").contains("earlier comment 5").doesNotContain("the request itself")
                .contains("@openhands please fix the checkout in acme/api");

        String link = "http://127.0.0.1:8089/agent/conversations/" + conversation;
        List<LoggedRequest> onIt = commented(site, "on it");
        assertThat(onIt).hasSize(1);
        JsonObject adf = json(onIt.get(0).getBodyAsString()).getJsonObject("body");
        assertThat(adf.getString("type")).as("Cloud gets Atlassian Document Format").isEqualTo("doc");
        assertThat(adf.toString()).contains(link);

        replay(id, "PROCESSED", "IGNORED", "DEAD");
        assertThat(Database.row(id).orElseThrow().get("status")).isEqualTo("PROCESSED");
        assertThat(conversations(site)).as("no second conversation").hasSize(1);
        assertThat(commented(site, "on it")).as("no second acknowledgement").hasSize(1);

        String finished = "{\"conversation_id\":\"" + conversation + "\",\"agent_state\":\"finished\","
                + "\"message\":\"Saved cards are charged again; `CardVault` retries declined tokens.\"}";
        assertThat(push(finished).statusCode()).isEqualTo(202);
        assertThat(push(finished).statusCode()).isEqualTo(202);
        assertThat(awaitComment(site, "Saved cards are charged again")).hasSize(1);
        Database.sleep(1500);
        assertThat(commented(site, "Saved cards are charged again")).hasSize(1)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains(link).contains("\"type\":\"code\""));
        assertThat(Database.queryInt("select count(*) from agent_jobs where conversation_id = ? and status = 'FINISHED'"
                + " and platform = 'JIRA'", conversation)).isEqualTo(1);
    }

    @Test
    void anUnknownUserIsAskedOnceToConnectTheirAccount() {
        Site site = site();
        String id = accepted(comment(site, "712020:" + UUID.randomUUID(), "@openhands fix this in acme/api"));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).contains("Mia Krystof").contains("no linked Switchboard account");
        assertThat(commented(site, "http://127.0.0.1:8080/api/oauth/jira/authorize")).hasSize(1);

        replay(id, "IGNORED", "DEAD");
        assertThat(commented(site, "/api/oauth/jira/authorize")).as("asked once").hasSize(1);
        assertThat(conversations(site)).isEmpty();
    }

    @Test
    void aRequestNamingNoRepositoryIsAnsweredWithAQuestion() {
        Site site = site();
        String accountId = requester(site, "acme/api", "acme/web");
        conversation(site);
        String id = accepted(comment(site, accountId, "@openhands please take this one"));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).contains("names no repository").contains("asked which");
        assertThat(commented(site, "which repository should I work in")).hasSize(1);

        replay(id, "IGNORED", "DEAD");
        assertThat(commented(site, "which repository")).as("asked once").hasSize(1);
        assertThat(conversations(site)).isEmpty();
    }

    /**
     * A crash between a comment's post and its record leaves the notice "sending": the next attempt looks for the
     * comment carrying the notice's property on Jira first, and posts only when it is not there.
     */
    @Test
    void aCommentWhoseOutcomeACrashLostIsLookedForOnJiraBeforeItIsPostedAgain() {
        Site site = site();
        String found = accepted(comment(site, "712020:" + UUID.randomUUID(), "@openhands fix this in acme/api"));
        String missing = accepted(comment(site, "712020:" + UUID.randomUUID(), "@openhands fix that in acme/api"));
        Database.awaitStatus(found, WAIT, "IGNORED");
        Database.awaitStatus(missing, WAIT, "IGNORED");
        assertThat(commented(site, "/api/oauth/jira/authorize")).hasSize(2).allSatisfy(r -> assertThat(
                json(r.getBodyAsString()).getJsonArray("properties").getJsonObject(0).getString("key"))
                .isEqualTo("switchboard.notice"));

        String foundNotice = CrashWindow.lostOutcome(found);
        String missingNotice = CrashWindow.lostOutcome(missing);
        String lookup = site.api() + "/2/issue/" + site.issueKey() + "/comment";
        STUBS.stubFor(get(urlPathEqualTo(lookup)).withQueryParam("expand", equalTo("properties"))
                .willReturn(okJson("{\"startAt\":0,\"maxResults\":100,\"total\":2,\"comments\":["
                        + "{\"id\":\"30001\",\"body\":\"Please connect your account.\",\"properties\":[{\"key\":"
                        + "\"switchboard.notice\",\"value\":{\"id\":\"" + foundNotice + "\"}}]},"
                        + "{\"id\":\"1\",\"body\":\"the request itself\",\"properties\":[]}]}")));
        CrashWindow.replay(List.of(found, missing), foundNotice, missingNotice);
        assertThat(Database.queryString("select posted_id from job_notices where id = ?", foundNotice))
                .as("the comment found on Jira").isEqualTo("30001");
        assertThat(STUBS.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(lookup))
                .withQueryParam("expand", equalTo("properties")))).as("Jira asked once per uncertain notice").hasSize(2);
        assertThat(commented(site, "/api/oauth/jira/authorize")).as("posted again only where Jira did not have it")
                .hasSize(3).filteredOn(r -> r.getBodyAsString().contains(missingNotice)).hasSize(2);
    }

    /**
     * Jira rate-limits the "on it" comment (429, Retry-After 1 s: waited out and repeated by the client), then fails it
     * (503: not repeated by the client under Jira's policy; the delivery's next attempt looks for it on Jira first,
     * does not find it, and posts it). At the stub: three posts, one comment taken; one conversation.
     */
    @Test
    void aJiraOutageWhileAnsweringEndsWithTheCommentPostedOnceAndOneConversation() {
        Site site = site();
        String accountId = requester(site, "acme/api");
        String conversation = conversation(site);
        String comments = site.api() + "/3/issue/" + site.issueKey() + "/comment";
        String scenario = "jira-outage-" + site.cloudId();
        STUBS.stubFor(post(urlPathEqualTo(comments)).withRequestBody(containing("on it"))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("rate-limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("X-RateLimit-Limit", "100").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("Content-Type", "application/json").withBody("{\"errorMessages\":[\"Rate limit exceeded.\"]}")));
        STUBS.stubFor(post(urlPathEqualTo(comments)).withRequestBody(containing("on it"))
                .inScenario(scenario).whenScenarioStateIs("rate-limited").willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Service Unavailable\"],\"errors\":{}}")));
        STUBS.stubFor(get(urlPathEqualTo(site.api() + "/2/issue/" + site.issueKey() + "/comment"))
                .withQueryParam("expand", equalTo("properties")).willReturn(okJson(
                        "{\"startAt\":0,\"maxResults\":100,\"total\":1,\"comments\":["
                                + "{\"id\":\"1\",\"body\":\"the request itself\",\"properties\":[]}]}")));

        String id = accepted(comment(site, accountId, "@openhands please fix the checkout in acme/api"));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
        Database.sleep(1000);
        assertThat(commented(site, "on it")).as("429, 503, then taken").hasSize(3);
        assertThat(Database.queryInt("select count(*) from job_notices n join agent_jobs j on n.job_id = j.id"
                + " where j.conversation_id = ? and n.status = 'POSTED'", conversation)).isEqualTo(1);
        assertThat(conversations(site)).as("one conversation, whatever the posts went through").hasSize(1);
    }
}
