package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.switchboard.it.GitHubJobsIT.Repo;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GitHub failing in the ways networks fail — resets, empty and garbled answers, a broken chunk, answers too slow
 * to wait for, server errors — through the deployed EAR. Reads are retried under GitHub's policy; a comment whose
 * request may have reached GitHub is not sent again by the client but looked for (its marker) by the next attempt
 * of the delivery; after an outage a replay completes everything, and no comment is posted twice (counted at the
 * stub). The read timeout is shortened to 1.5 s for the tests that need one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformOutagesIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String REPOS = "/github-api/installation/repositories";
    private static final String OK = "{\"total_count\":1,\"repositories\":[{\"id\":1296269,\"full_name\":\"acme/api\"}]}";
    private static final String READ_TIMEOUT = "github.client.read.timeout.ms";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    private static AutoCloseable shortReadTimeout() {
        return JobLifecycleIT.setting(READ_TIMEOUT, "1500", null);
    }

    /**
     * A slow body: the status line and headers at once, the body in two chunks 3 s apart, longer than the read timeout
     * (which bounds each wait for bytes, not the whole answer).
     */
    private static ResponseDefinitionBuilder dribbled() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(OK)
                .withChunkedDribbleDelay(2, 6_000);
    }

    @Test
    void aReadThatBreaksInEveryWayIsRetriedUntilItSucceeds() throws Exception {
        long id = installationId();
        String token = PlatformRetriesIT.installation(id);
        List<ResponseDefinitionBuilder> answers = List.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.EMPTY_RESPONSE), aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                okJson(OK));
        sequence(REPOS, token, "broken-reads-" + id, answers);
        HttpResponse<String> r = verify(id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(reads(token)).as("three failures and the success, GitHub's three retries").isEqualTo(4);

        long chunked = installationId();
        String chunkedToken = PlatformRetriesIT.installation(chunked);
        try (AutoCloseable timeout = shortReadTimeout()) {
            sequence(REPOS, chunkedToken, "slow-reads-" + chunked, List.of(
                    aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), dribbled(),
                    okJson(OK).withFixedDelay(3_000), okJson(OK)));
            HttpResponse<String> slow = verify(chunked);
            assertThat(slow.statusCode()).as(slow.body()).isEqualTo(200);
        }
        assertThat(reads(chunkedToken)).as("a broken chunk, a dribbled body, a late answer, then the answer")
                .isEqualTo(4);
    }

    @Test
    void aReadThatNeverRecoversEndsInAJsonErrorAfterGitHubsRetries() {
        long id = installationId();
        String token = PlatformRetriesIT.installation(id);
        STUBS.stubFor(get(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpResponse<String> r = verify(id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        assertThat(WebhookIntakeIT.json(r.body()).getString("error")).isNotBlank();
        // the call and GitHub's three retries; the JDK's HTTP connection repeats a failed GET once on its own, so each
        // of them may reach the stub twice (a POST it never repeats: aCommentWhoseAnswerIsLostIsNotPostedAgain)
        assertThat(reads(token)).isBetween(4, 8);
    }

    /**
     * The connect-your-account comment of one delivery per fault: GitHub takes the request, then the answer is lost
     * (reset, empty, garbage, a broken chunk, too slow). The client does not send it again; the delivery's next
     * attempt finds the comment by its marker and posts nothing more.
     */
    @Test
    void aCommentWhoseAnswerIsLostIsNotPostedAgain() throws Exception {
        Map<String, ResponseDefinitionBuilder> faults = new LinkedHashMap<>();
        faults.put("reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        faults.put("empty", aResponse().withFault(Fault.EMPTY_RESPONSE));
        faults.put("garbage", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
        faults.put("broken-chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        faults.put("too-slow", created().withFixedDelay(4_000));
        faults.put("dribbled", created().withChunkedDribbleDelay(2, 6_000));
        Map<String, Repo> repos = new LinkedHashMap<>();
        Map<String, String> deliveries = new LinkedHashMap<>();
        try (AutoCloseable timeout = shortReadTimeout()) {
            faults.forEach((name, fault) -> {
                Repo repo = GitHubJobsIT.repository();
                String comments = repo.api() + "/issues/7/comments";
                STUBS.stubFor(get(urlPathEqualTo(comments)).withQueryParam("since", matching(".+"))
                        .willReturn(aResponse().withTransformers(PostedComments.NAME)));
                sequence(comments, null, "lost-" + name + "-" + repo.installation(), List.of(fault, created()));
                String login = "lost-" + repo.installation();
                GitHubJobsIT.permission(repo, login, "write");
                repos.put(name, repo);
                deliveries.put(name, GitHubJobsIT.accepted(GitHubJobsIT.comment(repo, "it-outage-" + UUID.randomUUID(),
                        login, 992_000_000L + repo.installation(), "@openhands do something")));
            });
            for (String name : faults.keySet()) {
                Map<String, Object> row = Database.awaitStatus(deliveries.get(name), WAIT, "IGNORED", "DEAD");
                assertThat(row.get("status")).as(name + " " + row).isEqualTo("IGNORED");
            }
        }
        for (String name : faults.keySet()) {
            Repo repo = repos.get(name);
            assertThat(GitHubJobsIT.posted(repo, "/issues/7/comments", "/api/oauth/github/authorize"))
                    .as(name + ": sent once, found afterwards, never sent again").hasSize(1);
            assertThat(STUBS.findAll(getRequestedFor(urlPathEqualTo(repo.api() + "/issues/7/comments"))
                    .withQueryParam("since", matching(".+")))).as(name + ": looked for").isNotEmpty();
            assertThat(Database.queryString("select status from job_notices where idempotency_key = ?",
                    "delivery:" + deliveries.get(name) + ":connect-account")).isEqualTo("POSTED");
        }
    }

    /**
     * GitHub down (500 to every comment) until the deliveries are DEAD; once it is back an operator's replay posts
     * each comment exactly once, after asking GitHub whether an earlier attempt got through.
     */
    @Test
    void afterAnOutageAReplayCompletesEverythingAndPostsEachCommentOnce() {
        Repo repo = GitHubJobsIT.repository();
        String comments = repo.api() + "/issues/7/comments";
        STUBS.stubFor(post(urlPathEqualTo(comments)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Server Error\"}")));
        STUBS.stubFor(get(urlPathEqualTo(comments)).withQueryParam("since", matching(".+")).willReturn(okJson("[]")));
        String login = "outage-" + repo.installation();
        GitHubJobsIT.permission(repo, login, "write");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(GitHubJobsIT.accepted(GitHubJobsIT.comment(repo, "it-down-" + UUID.randomUUID(), login,
                    993_000_000L + repo.installation(), "@openhands fix " + i)));
        }
        for (String id : ids) {
            Map<String, Object> row = Database.awaitStatus(id, WAIT, "DEAD", "IGNORED");
            assertThat(row.get("status")).as(row.toString()).isEqualTo("DEAD");
            assertThat((String) row.get("last_error")).contains("500");
        }

        STUBS.stubFor(post(urlPathEqualTo(comments)).willReturn(created()));
        for (String id : ids) {
            assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                    .isEqualTo(202);
        }
        for (String id : ids) {
            Map<String, Object> row = Database.awaitStatus(id, WAIT, "IGNORED", "DEAD");
            assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        }
        List<ServeEvent> taken = STUBS.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                .filter(e -> e.getRequest().getUrl().startsWith(comments))
                .filter(e -> e.getResponse().getStatus() == 201).toList();
        assertThat(taken).as("one comment taken per delivery").hasSize(ids.size());
        assertThat(taken.stream().map(e -> e.getRequest().getBodyAsString().replaceAll("(?s).*(<!-- switchboard:notice:[^ ]+ -->).*", "$1"))
                .distinct()).as("each notice posted once").hasSize(ids.size());
    }

    private static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":4242}");
    }

    /** Answers in turn at the path (GET when a token is given, else POST), the last one from then on. */
    private static void sequence(String path, String token, String scenario, List<ResponseDefinitionBuilder> answers) {
        for (int i = 0; i < answers.size(); i++) {
            var mapping = (token == null ? post(urlPathEqualTo(path)) : get(urlPathEqualTo(path))
                    .withHeader("Authorization", equalTo("Bearer " + token)))
                    .inScenario(scenario).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i);
            if (i < answers.size() - 1) {
                mapping = mapping.willSetStateTo("answer-" + (i + 1));
            }
            STUBS.stubFor(mapping.willReturn(answers.get(i)));
        }
    }

    private static long installationId() {
        return 9_500_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 400_000L);
    }

    private static HttpResponse<String> verify(long id) {
        return Server.postEmpty("/api/admin/github/installations/" + id + "/verify", AdminTokens.admin());
    }

    private static int reads(String token) {
        return STUBS.findAll(getRequestedFor(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token)))
                .size();
    }
}
