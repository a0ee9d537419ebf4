package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A GitHub job end to end through the deployed EAR: WireMock plays GitHub ({@code /github-api}) and the agent
 * server ({@code /agent}); the requester's account is linked through the real OAuth flow.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GitHubJobsIT {

    static final WireMockServer STUBS = ProviderStubs.start();
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT_KEY = "it-agent-key";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    /** One repository in one installation, with its own names so tests never share stubs. */
    record Repo(long installation, String owner, String name, long number) {
        String fullName() {
            return owner + "/" + name;
        }

        String api() {
            return "/github-api/repos/" + fullName();
        }
    }

    static Repo repository() {
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        Repo repo = new Repo(8_000_000L + n, "acme" + n, "api", 7);
        STUBS.stubFor(post(urlPathEqualTo("/github-api/app/installations/" + repo.installation() + "/access_tokens"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"ghs_it" + n + "\",\"expires_at\":\"" + Instant.now().plusSeconds(3600)
                                + "\",\"repository_selection\":\"all\"}")));
        STUBS.stubFor(get(urlPathEqualTo(repo.api() + "/issues/7")).willReturn(okJson("""
                {"number":7,"title":"Flaky test in CI","body":"It fails one run in five.","comments":12,
                 "user":{"login":"octocat","id":1}}""")));
        STUBS.stubFor(get(urlPathEqualTo(repo.api() + "/issues/7/comments")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(comments(1, 10))));
        STUBS.stubFor(get(urlPathEqualTo(repo.api() + "/issues/7/comments")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(comments(11, 12))));
        STUBS.stubFor(post(urlPathEqualTo(repo.api() + "/issues/7/comments"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":555" + n + "}")));
        STUBS.stubFor(post(WireMock.urlPathMatching(repo.api().replace("/", "\\/") + "/issues/(7|comments/\\d+)/reactions"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":1,\"content\":\"eyes\"}")));
        return repo;
    }

    private static String comments(int from, int to) {
        StringBuilder json = new StringBuilder("[");
        for (int i = from; i <= to; i++) {
            json.append(i == from ? "" : ",").append("{\"id\":").append(i).append(",\"body\":\"earlier comment ")
                    .append(i).append("\",\"user\":{\"login\":\"dev").append(i).append("\",\"id\":").append(100 + i)
                    .append("}}");
        }
        return json.append(']').toString();
    }

    static void permission(Repo repo, String login, String permission) {
        STUBS.stubFor(get(urlPathEqualTo(repo.api() + "/collaborators/" + login + "/permission"))
                .willReturn(okJson("{\"permission\":\"" + permission + "\",\"role_name\":\"" + permission
                        + "\",\"user\":{\"login\":\"" + login + "\"}}")));
    }

    /** A GitHub user with an id above {@code idBase}, linked to a Switchboard user, with this permission on the repository. */
    record Requester(String login, long githubId) {
    }

    static Requester requester(Repo repo, long idBase, String permission) {
        long githubId = idBase + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        String login = "dev-" + githubId;
        link(login, githubId);
        permission(repo, login, permission);
        return new Requester(login, githubId);
    }

    /** Links a GitHub account (login, id) to a new Switchboard user through the OAuth flow. */
    static void link(String login, long githubId) {
        GitHubLinks.link("it-jobs-" + UUID.randomUUID(), login, githubId);
    }

    static String conversation(Repo repo) {
        String id = "conv" + UUID.randomUUID().toString().replace("-", "");
        STUBS.stubFor(agentStart(repo)
                .willReturn(okJson("{\"status\":\"ok\",\"conversation_id\":\"" + id + "\"}")));
        return id;
    }

    /** The agent server's "start a conversation" request for the repository, to stub. */
    static MappingBuilder agentStart(Repo repo) {
        return post(urlPathEqualTo("/agent/api/conversations"))
                .withRequestBody(matchingJsonPath("$.repository", equalTo(repo.fullName())));
    }

    /** The conversation starts the agent server got for the repository. */
    static List<LoggedRequest> starts(Repo repo) {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/agent/api/conversations"))
                .withRequestBody(matchingJsonPath("$.repository", equalTo(repo.fullName()))));
    }

    static Sample comment(Repo repo, String deliveryId, String login, long githubId, String text) {
        byte[] body = Sample.utf8("""
                {"action":"created",
                 "issue":{"number":7,"title":"Flaky test in CI","body":"It fails one run in five.","state":"open",
                          "user":{"login":"octocat","id":1,"type":"User"},"labels":[],"comments":12},
                 "comment":{"id":%d,"body":%s,"user":{"login":"%s","id":%d,"type":"User"}},
                 "repository":{"id":%d,"name":"%s","full_name":"%s","private":false,
                               "owner":{"login":"%s","id":9,"type":"Organization"}},
                 "sender":{"login":"%s","id":%d,"type":"User"},
                 "installation":{"id":%d}}
                """.formatted(commentId(deliveryId), Sample.jsonString(text), login, githubId, repo.installation(),
                repo.name(), repo.fullName(), repo.owner(), login, githubId, repo.installation()));
        return new Sample("github", "/api/webhooks/github", deliveryId, Signed.github("issue_comment", deliveryId, body),
                body);
    }

    static long commentId(String deliveryId) {
        return Math.abs((long) deliveryId.hashCode());
    }

    static String accepted(Sample sample) {
        HttpResponse<String> response = sample.send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response.body()).getString("id");
    }

    private static HttpResponse<String> push(String body) {
        return AgentStub.push(body);
    }

    static List<LoggedRequest> posted(Repo repo, String path, String containing) {
        RequestPatternBuilder pattern = postRequestedFor(urlPathEqualTo(repo.api() + path));
        if (containing != null) {
            pattern = pattern.withRequestBody(containing(containing));
        }
        return STUBS.findAll(pattern);
    }

    static List<LoggedRequest> await(Repo repo, String path, String containing) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<LoggedRequest> found = posted(repo, path, containing);
            if (!found.isEmpty()) {
                return found;
            }
            Database.sleep(200);
        }
        return posted(repo, path, containing);
    }

    /** One knowledge microagent in the repository's .openhands/microagents, at its default branch. */
    private static void microagent(Repo repo, String file, String text) {
        String api = "/github-api/repos/" + repo.fullName();
        String commit = "c0ffee" + repo.installation();
        STUBS.stubFor(get(urlPathEqualTo(api + "/commits/HEAD")).willReturn(okJson("{\"sha\":\"" + commit + "\"}")));
        STUBS.stubFor(get(urlPathEqualTo(api + "/git/trees/" + commit)).willReturn(okJson(
                MicroagentsIT.tree(MicroagentsIT.entry(".openhands", "tree", "t-oh-" + commit)))));
        STUBS.stubFor(get(urlPathEqualTo(api + "/git/trees/t-oh-" + commit)).willReturn(okJson(
                MicroagentsIT.tree(MicroagentsIT.entry("microagents/" + file, "blob", "m-" + commit)))));
        String path = ".openhands/microagents/" + file;
        STUBS.stubFor(get(urlPathEqualTo(api + "/contents/" + path)).willReturn(okJson(MicroagentsIT.gitHubFile(path, text))));
    }

    @Test
    void aMentionStartsOneConversationAcknowledgesOnceAndPostsTheSummaryOnce() {
        Repo repo = repository();
        Requester requester = requester(repo, 700_000_000L, "maintain");
        long githubId = requester.githubId();
        String login = requester.login();
        String conversation = conversation(repo);
        microagent(repo, "flaky.md", "---\ntriggers: [flaky]\n---\nRun the suite three times before calling a test fixed.");

        String id = accepted(comment(repo, "it-job-" + UUID.randomUUID(), login, githubId,
                "@openhands please fix the flaky test"));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
        assertThat((String) row.get("outcome")).contains(conversation).contains(login);

        List<LoggedRequest> started = starts(repo);
        assertThat(started).hasSize(1);
        assertThat(started.get(0).getHeader("Authorization")).isEqualTo("Bearer " + AGENT_KEY);
        var request = json(started.get(0).getBodyAsString());
        assertThat(request.getString("git_provider")).isEqualTo("github");
        assertThat(request.getString("initial_user_msg")).contains("Flaky test in CI").contains("It fails one run in five.")
                .contains("@openhands please fix the flaky test").contains("earlier comment 12")
                .contains("earlier comment 3").doesNotContain("earlier comment 2\n");
        assertThat(request.getString("conversation_instructions")).as("the repository's microagent, triggered by 'flaky'")
                .contains("Run the suite three times before calling a test fixed.");

        assertThat(posted(repo, "/issues/comments/" + commentId(row.get("delivery_id").toString()) + "/reactions", "eyes"))
                .hasSize(1);
        String link = "http://127.0.0.1:8089/agent/conversations/" + conversation;
        assertThat(posted(repo, "/issues/7/comments", "I'm on it")).hasSize(1)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains(link));

        // a replay of the processed delivery starts nothing and acknowledges nothing again
        HttpResponse<String> replay = Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin());
        assertThat(replay.statusCode()).isEqualTo(202);
        Map<String, Object> replayed = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(replayed.get("status")).isEqualTo("PROCESSED");
        assertThat(starts(repo)).hasSize(1);
        assertThat(posted(repo, "/issues/7/comments", "I'm on it")).hasSize(1);

        // the agent finishes; the same push twice posts the summary once
        String finished = "{\"conversation_id\":\"" + conversation + "\",\"agent_state\":\"finished\","
                + "\"message\":\"Fixed the flaky test by waiting for the port.\"}";
        assertThat(push(finished).statusCode()).isEqualTo(202);
        assertThat(push(finished).statusCode()).isEqualTo(202);
        assertThat(await(repo, "/issues/7/comments", "Fixed the flaky test")).hasSize(1);
        Database.sleep(1500);
        assertThat(posted(repo, "/issues/7/comments", "Fixed the flaky test")).hasSize(1)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains(link).contains("@" + login));
        assertThat(Database.queryInt("select count(*) from agent_jobs where conversation_id = ? and status = 'FINISHED'",
                conversation)).isEqualTo(1);
    }

    @Test
    void aSummaryGitHubKeepsRefusingIsDeadAndAnOperatorReplaysItOnce() {
        Repo repo = repository();
        long githubId = 710_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        String login = "ops-" + githubId;
        link(login, githubId);
        permission(repo, login, "write");
        String conversation = conversation(repo);
        String delivery = accepted(comment(repo, "it-job-dead-" + UUID.randomUUID(), login, githubId,
                "@openhands please fix the login redirect"));
        assertThat(Database.awaitStatus(delivery, WAIT, "PROCESSED", "IGNORED", "DEAD").get("status")).isEqualTo("PROCESSED");

        String summary = "Fixed the login redirect";
        STUBS.stubFor(post(urlPathEqualTo(repo.api() + "/issues/7/comments")).withRequestBody(containing(summary))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"IssueComment\","
                                + "\"code\":\"unprocessable\",\"field\":\"data\",\"message\":\"Body is too long\"}]}")));
        assertThat(push("{\"conversation_id\":\"" + conversation + "\",\"agent_state\":\"finished\",\"message\":\""
                + summary + ".\"}").statusCode()).isEqualTo(202);

        JsonObject job = adminJobs().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(j -> j.getString("deliveryId").equals(delivery)).findFirst().orElseThrow();
        assertThat(job.getString("conversationUrl")).endsWith("/conversations/" + conversation);
        JsonObject dead = awaitNotice(job.getString("id"), "DEAD");
        assertThat(dead.getString("lastError")).contains("422");
        assertThat(dead.getInt("attempts")).isGreaterThan(1);
        assertThat(posted(repo, "/issues/7/comments", summary)).hasSize(dead.getInt("attempts"));

        STUBS.stubFor(post(urlPathEqualTo(repo.api() + "/issues/7/comments")).withRequestBody(containing(summary))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":777}")));
        HttpResponse<String> replayed = Server.postEmpty("/api/admin/jobs/notices/" + dead.getString("id") + "/replay",
                AdminTokens.admin());
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(json(replayed.body()).getString("status")).isEqualTo("POSTED");
        assertThat(posted(repo, "/issues/7/comments", summary)).hasSize(dead.getInt("attempts") + 1);
        HttpResponse<String> again = Server.postEmpty("/api/admin/jobs/notices/" + dead.getString("id") + "/replay",
                AdminTokens.admin());
        assertThat(again.statusCode()).as("a posted notice is not posted again").isEqualTo(409);
        assertThat(posted(repo, "/issues/7/comments", summary)).hasSize(dead.getInt("attempts") + 1);
        assertThat(Server.get("/api/admin/jobs", AdminTokens.user("it-not-admin")).statusCode()).isEqualTo(403);
    }

    private static JsonObject adminJobs() {
        HttpResponse<String> list = Server.get("/api/admin/jobs?limit=200", AdminTokens.admin());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json(list.body());
    }

    private static JsonObject awaitNotice(String jobId, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> detail = Server.get("/api/admin/jobs/" + jobId, AdminTokens.admin());
            assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
            var found = json(detail.body()).getJsonArray("notices").stream().map(v -> v.asJsonObject())
                    .filter(n -> n.getString("status").equals(status)).findFirst();
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found.orElseThrow(() -> new AssertionError("no " + status + " notice: " + detail.body()));
            }
            Database.sleep(300);
        }
    }

    @Test
    void theAgentPushIsCheckedAndAnswered() {
        String body = "{\"conversation_id\":\"no-such-conversation\",\"agent_state\":\"finished\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> unsigned = Server.post("/api/agent/events", Map.of("Content-Type", "application/json",
                "X-Signature-256", "sha256=" + Signed.hmac("wrong-secret", bytes)), bytes);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(json(unsigned.body()).getString("error")).isNotBlank();
        assertThat(push(body).statusCode()).isEqualTo(404);
        assertThat(push("{\"agent_state\":\"finished\"}").statusCode()).isEqualTo(400);
        assertThat(push("not json").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownUserIsAskedToConnectTheirAccountOnce() {
        Repo repo = repository();
        String login = "stranger-" + repo.installation();
        permission(repo, login, "write");
        Sample sample = comment(repo, "it-unknown-" + UUID.randomUUID(), login, 990_000_000L + repo.installation(),
                "@openhands do something");
        String id = accepted(sample);
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).contains(login).contains("no linked Switchboard account");
        assertThat(posted(repo, "/issues/7/comments", "http://127.0.0.1:8080/api/oauth/github/authorize")).hasSize(1);

        assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        Database.awaitStatus(id, WAIT, "IGNORED", "DEAD");
        Database.sleep(500);
        assertThat(posted(repo, "/issues/7/comments", "/api/oauth/github/authorize")).as("asked once").hasSize(1);
        assertThat(starts(repo)).isEmpty();
    }

    @Test
    void aRequesterWithoutWriteAccessIsIgnoredWithoutAnAnswer() {
        Repo repo = repository();
        long githubId = 800_000_000L + repo.installation() % 1_000_000L;
        String login = "reader-" + githubId;
        link(login, githubId);
        permission(repo, login, "read");
        String id = accepted(comment(repo, "it-reader-" + UUID.randomUUID(), login, githubId, "@openhands fix it"));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).contains(login).contains("permission read");
        assertThat(posted(repo, "/issues/7/comments", null)).isEmpty();
        assertThat(starts(repo)).isEmpty();
    }

    /**
     * The first deliveries of a new installation processed side by side: its row is created once and locked, so its
     * token is minted once (GitHub is slow to mint, so every listener asks while the first waits) and no delivery
     * fails on the installation's primary key and needs a second attempt.
     */
    @Test
    void theFirstDeliveriesOfANewInstallationTogetherMintOneTokenAndNoneFails() throws Exception {
        Repo repo = repository();
        String tokens = "/github-api/app/installations/" + repo.installation() + "/access_tokens";
        STUBS.stubFor(post(urlPathEqualTo(tokens)).willReturn(aResponse().withStatus(201).withFixedDelay(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"token\":\"ghs_together\",\"expires_at\":\"" + Instant.now().plusSeconds(3600) + "\"}")));
        long githubId = 820_000_000L + repo.installation() % 1_000_000L;
        String login = "together-" + githubId;
        link(login, githubId);
        permission(repo, login, "read");
        List<Sample> samples = IntStream.range(0, 12)
                .mapToObj(i -> comment(repo, "it-together-" + UUID.randomUUID(), login, githubId, "@openhands fix it"))
                .toList();
        ExecutorService senders = Executors.newFixedThreadPool(samples.size());
        try {
            List<Future<String>> sent = senders.invokeAll(samples.stream()
                    .map(sample -> (Callable<String>) () -> accepted(sample)).toList());
            for (Future<String> id : sent) {
                Map<String, Object> row = Database.awaitStatus(id.get(), WAIT, "PROCESSED", "IGNORED", "DEAD");
                assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
                assertThat(row.get("attempts")).as(row.toString()).isEqualTo(1);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(tokens)))).hasSize(1);
        assertThat(Database.queryInt("select count(*) from github_installation where installation_id = ?",
                repo.installation())).isEqualTo(1);
    }

    /**
     * A crash between a comment's post and its record leaves the notice "sending": the next attempt looks for the
     * comment's marker on GitHub first, and posts only when it is not there.
     */
    @Test
    void aCommentWhoseOutcomeACrashLostIsLookedForOnGitHubBeforeItIsPostedAgain() {
        Repo repo = repository();
        String login = "crashed-" + repo.installation();
        permission(repo, login, "write");
        String found = accepted(comment(repo, "it-lost-" + UUID.randomUUID(), login, 991_000_000L + repo.installation(),
                "@openhands do something"));
        String missing = accepted(comment(repo, "it-lost-" + UUID.randomUUID(), login, 991_000_000L + repo.installation(),
                "@openhands do something else"));
        Database.awaitStatus(found, WAIT, "IGNORED");
        Database.awaitStatus(missing, WAIT, "IGNORED");
        assertThat(posted(repo, "/issues/7/comments", "/api/oauth/github/authorize")).hasSize(2);

        String foundNotice = lostOutcome(found);
        String missingNotice = lostOutcome(missing);
        STUBS.stubFor(get(urlPathEqualTo(repo.api() + "/issues/7/comments")).withQueryParam("since", WireMock.matching(".+"))
                .willReturn(okJson("[{\"id\":4711,\"body\":\"Please connect your account.\\n\\n<!-- switchboard:notice:"
                        + foundNotice + " -->\",\"user\":{\"login\":\"switchboard[bot]\",\"id\":5}}]")));
        for (String id : List.of(found, missing)) {
            assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                    .isEqualTo(202);
        }
        awaitNoticeRow(foundNotice, "POSTED");
        awaitNoticeRow(missingNotice, "POSTED");
        assertThat(Database.queryString("select posted_id from job_notices where id = ?", foundNotice))
                .as("the comment found on GitHub").isEqualTo("4711");
        assertThat(STUBS.findAll(getRequestedFor(urlPathEqualTo(repo.api() + "/issues/7/comments"))
                .withQueryParam("since", WireMock.matching(".+")))).as("GitHub asked once per uncertain notice").hasSize(2);
        assertThat(posted(repo, "/issues/7/comments", "/api/oauth/github/authorize"))
                .as("posted again only where GitHub did not have it").hasSize(3)
                .filteredOn(r -> r.getBodyAsString().contains(missingNotice)).hasSize(2);
    }

    /** A start whose answer a crash lost (sent, never recorded) is not sent again: the requester is told instead. */
    @Test
    void aStartWhoseAnswerACrashLostIsNotSentAgain() {
        Repo repo = repository();
        Requester requester = requester(repo, 720_000_000L, "write");
        long githubId = requester.githubId();
        String login = requester.login();
        STUBS.stubFor(agentStart(repo)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\":\"refused\"}")));
        String id = accepted(comment(repo, "it-lost-start-" + UUID.randomUUID(), login, githubId, "@openhands fix it"));
        Database.awaitStatus(id, WAIT, "PROCESSED");
        String job = Database.queryString("select id from agent_jobs where delivery_id = ?", id);
        // as if the server had died after sending the start: sent, no answer recorded, nobody told yet
        Database.execute("update agent_jobs set status = 'STARTING', last_error = null, start_sent_at = now()"
                + " where id = '" + job + "'");
        Database.execute("delete from job_notices where idempotency_key = 'job:" + job + ":start-failed'");

        assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        awaitNoticeRow(Database.awaitValue("select id from job_notices where idempotency_key = 'job:" + job
                + ":start-failed'", WAIT), "POSTED");
        assertThat(starts(repo)).as("sent once").hasSize(1);
        assertThat(Database.queryString("select status || ': ' || last_error from agent_jobs where id = ?", job))
                .startsWith("ERROR: ").contains("earlier attempt");
        assertThat(posted(repo, "/issues/7/comments", "couldn't start")).hasSize(2);
    }

    /**
     * The agent server behind its gateway is down (503) for the whole first attempt (four calls: the call and its three
     * retries), then back: nothing reached it, so the delivery's next attempt starts the conversation — once — and
     * the requester hears "on it" once, never "couldn't start".
     */
    @Test
    void aStartTheAgentServerIsDownForIsRetriedByTheDeliveryAndStartsOnce() {
        Repo repo = repository();
        Requester requester = requester(repo, 740_000_000L, "write");
        long githubId = requester.githubId();
        String login = requester.login();
        String conversation = "conv" + UUID.randomUUID().toString().replace("-", "");
        String scenario = "agent-down-" + repo.installation();
        for (int call = 0; call < 4; call++) {
            STUBS.stubFor(agentStart(repo)
                    .inScenario(scenario).whenScenarioStateIs(call == 0 ? Scenario.STARTED : "down-" + call)
                    .willSetStateTo("down-" + (call + 1))
                    .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                            .withBody("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>")));
        }
        STUBS.stubFor(agentStart(repo)
                .inScenario(scenario).whenScenarioStateIs("down-4")
                .willReturn(okJson("{\"status\":\"ok\",\"conversation_id\":\"" + conversation + "\"}")));

        String id = accepted(comment(repo, "it-agent-down-" + UUID.randomUUID(), login, githubId, "@openhands fix it"));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
        assertThat(row.get("attempts")).as("the delivery's second attempt started it").isEqualTo(2);
        assertThat(starts(repo)).hasSize(5);
        assertThat(posted(repo, "/issues/7/comments", "I'm on it")).hasSize(1)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains(conversation));
        assertThat(posted(repo, "/issues/7/comments", "couldn't start")).isEmpty();
        assertThat(Database.queryInt("select count(*) from agent_jobs where conversation_id = ?", conversation))
                .isEqualTo(1);
    }

    /**
     * The connection drops after the start was sent (the agent server may have started the conversation): it is not
     * sent again, neither by the client's retries nor by the delivery's; the requester is told once.
     */
    @Test
    void aStartWhoseConnectionDropsAfterItWasSentIsNotSentAgain() {
        Repo repo = repository();
        Requester requester = requester(repo, 750_000_000L, "write");
        long githubId = requester.githubId();
        String login = requester.login();
        STUBS.stubFor(agentStart(repo)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        String id = accepted(comment(repo, "it-agent-reset-" + UUID.randomUUID(), login, githubId, "@openhands fix it"));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
        assertThat(await(repo, "/issues/7/comments", "couldn't start")).hasSize(1);
        Database.sleep(1500);
        assertThat(starts(repo)).as("sent once").hasSize(1);
        assertThat(posted(repo, "/issues/7/comments", "couldn't start")).hasSize(1);
        assertThat(posted(repo, "/issues/7/comments", "I'm on it")).isEmpty();
    }

    /** Makes the connect-account notice of a delivery look as a crash after its post would leave it; its id. */
    private static String lostOutcome(String deliveryRowId) {
        String notice = Database.queryString("select id from job_notices where idempotency_key = ?",
                "delivery:" + deliveryRowId + ":connect-account");
        assertThat(notice).as("the connect-account notice of " + deliveryRowId).isNotNull();
        Database.execute("update job_notices set status = 'PENDING', posted_id = null, sending_since = now()"
                + " where id = '" + notice + "'");
        return notice;
    }

    private static void awaitNoticeRow(String noticeId, String status) {
        Database.awaitValue("select id from job_notices where id = '" + noticeId + "' and status = '" + status + "'", WAIT);
    }
}
