package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.GitHubJobsIT.accepted;
import static dev.switchboard.it.GitHubJobsIT.await;
import static dev.switchboard.it.GitHubJobsIT.link;
import static dev.switchboard.it.GitHubJobsIT.permission;
import static dev.switchboard.it.GitHubJobsIT.posted;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.it.GitHubJobsIT.Repo;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
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
 * Pull-request jobs end to end through the deployed EAR, one per trigger: a comment in the pull request's
 * conversation, an inline review comment (a reply in a review thread), and a review's body. WireMock plays GitHub
 * in its documented shapes (pull request, files paged by {@code Link} header, GraphQL review threads, rate-limit
 * headers) and the agent server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GitHubPullRequestJobsIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HEAD = "fix/wait-for-port";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    /** A JSON answer with the headers GitHub sends on every REST and GraphQL response. */
    private static ResponseDefinitionBuilder github(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-github-api-version-selected", "2022-11-28")
                .withHeader("x-github-request-id", "CAFE:" + UUID.randomUUID().toString().substring(0, 8))
                .withHeader("x-ratelimit-limit", "5000").withHeader("x-ratelimit-remaining", "4987")
                .withHeader("x-ratelimit-used", "13").withHeader("x-ratelimit-resource", "core")
                .withHeader("x-ratelimit-reset", String.valueOf(Instant.now().plusSeconds(3000).getEpochSecond()))
                .withBody(body);
    }

    /** Repository, permission and linked requester, and pull request #7 with two pages of changed files. */
    private static Repo pullRequest(String login, long githubId, String headRepository) {
        Repo repo = GitHubJobsIT.repository();
        link(login, githubId);
        permission(repo, login, "write");
        STUBS.stubFor(get(urlPathEqualTo(repo.api() + "/issues/7")).willReturn(github(200, """
                {"number":7,"title":"Wait for the port before testing","body":"The tests race the server start.",
                 "comments":12,"state":"open","user":{"login":"octocat","id":1},
                 "pull_request":{"url":"https://api.github.com/repos/%1$s/pulls/7","html_url":"https://github.com/%1$s/pull/7",
                                 "diff_url":"https://github.com/%1$s/pull/7.diff","patch_url":"https://github.com/%1$s/pull/7.patch"}}"""
                .formatted(repo.fullName()))));
        STUBS.stubFor(get(urlPathEqualTo(repo.api() + "/pulls/7")).willReturn(github(200, """
                {"url":"https://api.github.com/repos/%1$s/pulls/7","id":1789012345,"number":7,"state":"open",
                 "title":"Wait for the port before testing","body":"The tests race the server start.",
                 "user":{"login":"octocat","id":1,"type":"User"},
                 "head":{"label":"%2$s:%3$s","ref":"%3$s","sha":"6dcb09b5b57875f334f61aebed695e2e4193db5e",
                         "repo":{"id":1296270,"name":"api","full_name":"%2$s","fork":%4$s}},
                 "base":{"label":"%5$s:main","ref":"main","sha":"a10867b14bb761a232cd80139fbd4c0d33264240",
                         "repo":{"id":1296269,"name":"api","full_name":"%1$s","fork":false}},
                 "mergeable":true,"changed_files":2,"additions":4,"deletions":1}"""
                .formatted(repo.fullName(), headRepository == null ? repo.fullName() : headRepository, HEAD,
                        headRepository != null, repo.owner()))));
        String files = "https://api.github.com/repositories/1296269/pulls/7/files?per_page=100&page=";
        STUBS.stubFor(get(urlPathEqualTo(repo.api() + "/pulls/7/files")).withQueryParam("page", equalTo("1"))
                .willReturn(github(200, """
                        [{"sha":"bbcd538c8e72b8c175046e27cc8f907076331401","filename":"src/test/java/ServerIT.java",
                          "status":"modified","additions":3,"deletions":1,"changes":4,
                          "blob_url":"https://github.com/%1$s/blob/6dcb09b/src/test/java/ServerIT.java",
                          "patch":"@@ -10,7 +10,9 @@ class ServerIT {\\n-        start();\\n+        start();\\n+        awaitPort(8080);\\n+        // PATCH-ONE\\n"}]"""
                        .formatted(repo.fullName()))
                        .withHeader("Link", "<" + files + "2>; rel=\"next\", <" + files + "2>; rel=\"last\"")));
        STUBS.stubFor(get(urlPathEqualTo(repo.api() + "/pulls/7/files")).withQueryParam("page", equalTo("2"))
                .willReturn(github(200, """
                        [{"sha":"ccce538c8e72b8c175046e27cc8f907076331402","filename":"src/test/java/Ports.java",
                          "status":"added","additions":1,"deletions":0,"changes":1,
                          "patch":"@@ -0,0 +1 @@\\n+final class Ports { /* PATCH-TWO */ }"}]""")
                        .withHeader("Link", "<" + files + "1>; rel=\"prev\", <" + files + "1>; rel=\"first\"")));
        return repo;
    }

    private static long githubId() {
        return 720_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
    }

    private static String repository(Repo repo) {
        return """
                "repository":{"id":1296269,"node_id":"MDEwOlJlcG9zaXRvcnkxMjk2MjY5","name":"%s","full_name":"%s",
                              "private":false,"owner":{"login":"%s","id":9,"type":"Organization"}},
                "installation":{"id":%d,"node_id":"MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ=="}"""
                .formatted(repo.name(), repo.fullName(), repo.owner(), repo.installation());
    }

    private static String pullRequestObject(Repo repo) {
        return """
                "pull_request":{"url":"https://api.github.com/repos/%1$s/pulls/7","id":1789012345,"number":7,
                  "state":"open","title":"Wait for the port before testing","body":"The tests race the server start.",
                  "user":{"login":"octocat","id":1,"type":"User"},
                  "head":{"ref":"%2$s","sha":"6dcb09b5b57875f334f61aebed695e2e4193db5e"},
                  "base":{"ref":"main","sha":"a10867b14bb761a232cd80139fbd4c0d33264240"}}"""
                .formatted(repo.fullName(), HEAD);
    }

    private static Sample delivery(String event, String json) {
        String deliveryId = "it-pr-" + UUID.randomUUID();
        byte[] body = Sample.utf8(json);
        return new Sample("github", "/api/webhooks/github", deliveryId, Signed.github(event, deliveryId, body), body);
    }

    /** Delivered, processed, and one conversation started on the repository; its request to the agent server. */
    private static JsonObject started(Sample sample, Repo repo, String conversation, String login) {
        return started(accepted(sample), repo, conversation, login);
    }

    private static JsonObject started(String id, Repo repo, String conversation, String login) {
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
        assertThat((String) row.get("outcome")).contains(conversation).contains(login);
        List<LoggedRequest> started = AgentStub.started(repo.fullName());
        assertThat(started).hasSize(1);
        JsonObject request = json(started.get(0).getBodyAsString());
        assertThat(request.getString("initial_user_msg")).contains("pull request " + repo.fullName() + "#7")
                .contains("Wait for the port before testing").contains("The tests race the server start.")
                .as("the newest comments, not the oldest").contains("earlier comment 12").doesNotContain("earlier comment 2\n")
                .contains("src/test/java/ServerIT.java").contains("awaitPort(8080);").contains("PATCH-ONE")
                .as("the second page of files").contains("src/test/java/Ports.java").contains("PATCH-TWO");
        for (String page : List.of("1", "2")) {
            assertThat(STUBS.findAll(getRequestedFor(urlPathEqualTo(repo.api() + "/pulls/7/files"))
                    .withQueryParam("page", equalTo(page)))).as("files page " + page).hasSize(1);
        }
        assertThat(STUBS.findAll(getRequestedFor(urlPathEqualTo(repo.api() + "/pulls/7")))).hasSize(1);
        return request;
    }

    private static void finishes(String conversation, String summary) {
        assertThat(AgentStub.push("{\"conversation_id\":\"" + conversation + "\",\"agent_state\":\"finished\","
                + "\"message\":\"" + summary + "\"}").statusCode()).isEqualTo(202);
    }

    private static List<LoggedRequest> graphql(Repo repo) {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/github-api/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.owner", equalTo(repo.owner()))));
    }

    @Test
    void aMentionInThePullRequestsConversationStartsOnTheHeadBranchWithItsPatches() {
        long githubId = githubId();
        String login = "pr-dev-" + githubId;
        Repo repo = pullRequest(login, githubId, null);
        String conversation = AgentStub.conversationFor(repo.fullName());
        long commentId = 4_100_000_000L + githubId % 1_000_000L;

        JsonObject request = started(delivery("issue_comment", """
                {"action":"created",
                 "issue":{"number":7,"title":"Wait for the port before testing","body":"The tests race the server start.",
                          "state":"open","user":{"login":"octocat","id":1,"type":"User"},"labels":[],"comments":12,
                          "pull_request":{"url":"https://api.github.com/repos/%1$s/pulls/7",
                                          "html_url":"https://github.com/%1$s/pull/7"}},
                 "comment":{"id":%2$d,"node_id":"IC_kwDOA","body":"@openhands the CI still fails, please fix it",
                            "user":{"login":"%3$s","id":%4$d,"type":"User"},"author_association":"MEMBER"},
                 "sender":{"login":"%3$s","id":%4$d,"type":"User"},
                 %5$s}""".formatted(repo.fullName(), commentId, login, githubId, repository(repo))),
                repo, conversation, login);
        assertThat(request.getString("selected_branch")).isEqualTo(HEAD);
        assertThat(request.getString("initial_user_msg")).contains("`" + HEAD + "`, the pull request's head branch")
                .contains("@openhands the CI still fails, please fix it").doesNotContain("review thread");
        assertThat(graphql(repo)).as("no thread to read for a conversation comment").isEmpty();

        STUBS.verify(1, postRequestedFor(urlPathEqualTo(repo.api() + "/issues/comments/" + commentId + "/reactions"))
                .withRequestBody(equalToJson("{\"content\":\"eyes\"}")));
        String link = "http://127.0.0.1:8089/agent/conversations/" + conversation;
        assertThat(posted(repo, "/issues/7/comments", "I'm on it")).hasSize(1)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains(link));

        finishes(conversation, "Waited for the port; CI is green.");
        assertThat(await(repo, "/issues/7/comments", "CI is green")).hasSize(1);
        Database.sleep(1000);
        assertThat(posted(repo, "/issues/7/comments", "CI is green")).hasSize(1);
        assertThat(posted(repo, "/issues/7/comments", null)).as("on it, then the summary").hasSize(2);
    }

    @Test
    void anInlineReplyCarriesFileLineAndThreadAndIsAnsweredInTheThread() {
        long githubId = githubId();
        String login = "pr-rev-" + githubId;
        Repo repo = pullRequest(login, githubId, null);
        String conversation = AgentStub.conversationFor(repo.fullName());
        long root = 1_532_200_000L + githubId % 1_000_000L;
        long commentId = 3_532_211_000L + githubId % 1_000_000L; // past 2^31: only fullDatabaseId holds it
        STUBS.stubFor(post(urlPathEqualTo("/github-api/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.owner", equalTo(repo.owner())))
                .willReturn(github(200, """
                        {"data":{"repository":{"pullRequest":{"reviewThreads":{
                          "pageInfo":{"hasNextPage":false,"endCursor":"Y3Vyc29yOnYyOpK0"},
                          "nodes":[
                            {"isResolved":true,"isOutdated":false,"path":"README.md","line":3,"originalLine":3,
                             "comments":{"nodes":[{"databaseId":1532100001,"fullDatabaseId":"1532100001",
                                                   "body":"Typo here","author":{"login":"hubot"}}]}},
                            {"isResolved":false,"isOutdated":false,"path":"src/test/java/ServerIT.java","line":12,
                             "originalLine":12,
                             "comments":{"nodes":[
                               {"databaseId":%1$d,"fullDatabaseId":"%1$d","body":"Should this wait have a timeout?",
                                "author":{"login":"mona"}},
                               {"databaseId":null,"fullDatabaseId":"%2$d","body":"@openhands add a 30 s timeout here",
                                "author":{"login":"%3$s"}}]}}]}}}}}""".formatted(root, commentId, login))
                        .withHeader("x-ratelimit-resource", "graphql")));
        STUBS.stubFor(post(urlPathEqualTo(repo.api() + "/pulls/comments/" + commentId + "/reactions"))
                .willReturn(github(201, "{\"id\":1,\"content\":\"eyes\",\"user\":{\"login\":\"switchboard[bot]\"}}")));
        STUBS.stubFor(post(urlPathEqualTo(repo.api() + "/pulls/7/comments/" + root + "/replies"))
                .willReturn(github(201, "{\"id\":1532299999,\"in_reply_to_id\":" + root + ",\"path\":\"src/test/java/ServerIT.java\"}")));

        String delivery = accepted(delivery("pull_request_review_comment", """
                {"action":"created",
                 "comment":{"url":"https://api.github.com/repos/%1$s/pulls/comments/%2$d","id":%2$d,
                            "node_id":"PRRC_kwDOLx2Lpc5bU7tB","pull_request_review_id":1944003001,
                            "diff_hunk":"@@ -10,7 +10,9 @@ class ServerIT {","path":"src/test/java/ServerIT.java",
                            "commit_id":"6dcb09b5b57875f334f61aebed695e2e4193db5e",
                            "original_commit_id":"6dcb09b5b57875f334f61aebed695e2e4193db5e",
                            "in_reply_to_id":%3$d,"body":"@openhands add a 30 s timeout here",
                            "user":{"login":"%4$s","id":%5$d,"type":"User"},"line":12,"original_line":12,
                            "side":"RIGHT","start_line":null,"subject_type":"line","author_association":"MEMBER"},
                 %6$s,
                 "sender":{"login":"%4$s","id":%5$d,"type":"User"},
                 %7$s}""".formatted(repo.fullName(), commentId, root, login, githubId, pullRequestObject(repo),
                repository(repo))));
        JsonObject request = started(delivery, repo, conversation, login);
        assertThat(request.getString("selected_branch")).isEqualTo(HEAD);
        assertThat(request.getString("initial_user_msg"))
                .contains("inline review comment on src/test/java/ServerIT.java, line 12")
                .contains("review thread of the inline comment, on src/test/java/ServerIT.java, line 12")
                .contains("@mona wrote:\nShould this wait have a timeout?").doesNotContain("Typo here")
                .as("the commented file's patch comes first")
                .satisfies(p -> assertThat(p.indexOf("#### src/test/java/ServerIT.java"))
                        .isLessThan(p.indexOf("#### src/test/java/Ports.java")));

        List<LoggedRequest> queries = graphql(repo);
        assertThat(queries).as("the threads read once").hasSize(1);
        JsonObject query = json(queries.get(0).getBodyAsString());
        assertThat(query.getJsonObject("variables").toString()).isEqualTo("{\"owner\":\"" + repo.owner()
                + "\",\"name\":\"" + repo.name() + "\",\"number\":7,\"cursor\":null}");
        assertThat(query.getString("query")).contains("reviewThreads(first: 100, after: $cursor)");
        assertThat(queries.get(0).getHeader("Authorization")).isEqualTo("Bearer ghs_it" + repo.owner().substring(4));

        STUBS.verify(1, postRequestedFor(urlPathEqualTo(repo.api() + "/pulls/comments/" + commentId + "/reactions"))
                .withRequestBody(equalToJson("{\"content\":\"eyes\"}")));
        String replies = "/pulls/7/comments/" + root + "/replies";
        String link = "http://127.0.0.1:8089/agent/conversations/" + conversation;
        assertThat(posted(repo, replies, "I'm on it")).as("on it, in the thread, under its first comment").hasSize(1)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains(link));

        // a replay finds the job: no second conversation, thread read, reaction or reply
        assertThat(Server.postEmpty("/api/admin/deliveries/" + delivery + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        Database.awaitStatus(delivery, WAIT, "PROCESSED", "IGNORED", "DEAD");
        Database.sleep(500);
        assertThat(AgentStub.started(repo.fullName())).hasSize(1);
        assertThat(graphql(repo)).hasSize(1);
        STUBS.verify(1, postRequestedFor(urlPathEqualTo(repo.api() + "/pulls/comments/" + commentId + "/reactions")));
        assertThat(posted(repo, replies, null)).hasSize(1);

        finishes(conversation, "Added a 30 s timeout to the wait.");
        assertThat(await(repo, replies, "30 s timeout to the wait")).hasSize(1);
        Database.sleep(1000);
        assertThat(posted(repo, replies, "30 s timeout to the wait")).hasSize(1);
        assertThat(posted(repo, replies, null)).hasSize(2);
        assertThat(posted(repo, "/issues/7/comments", null)).as("nothing in the conversation").isEmpty();
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(repo.api() + "/pulls/7/comments/" + commentId
                + "/replies")))).as("never under the reply itself").isEmpty();
    }

    @Test
    void aReviewBodyOnAForkPullRequestStartsOnTheBaseBranchAndIsAnsweredOnThePullRequest() {
        long githubId = githubId();
        String login = "pr-fork-" + githubId;
        String fork = "contrib" + githubId + "/api";
        Repo repo = pullRequest(login, githubId, fork);
        String conversation = AgentStub.conversationFor(repo.fullName());

        JsonObject request = started(delivery("pull_request_review", """
                {"action":"submitted",
                 "review":{"id":1944003001,"node_id":"PRR_kwDOA","user":{"login":"%1$s","id":%2$d,"type":"User"},
                           "body":"Looks close. @openhands please add a test for the timeout.","state":"commented",
                           "commit_id":"6dcb09b5b57875f334f61aebed695e2e4193db5e","submitted_at":"2026-11-28T10:00:00Z",
                           "author_association":"MEMBER"},
                 %3$s,
                 "sender":{"login":"%1$s","id":%2$d,"type":"User"},
                 %4$s}""".formatted(login, githubId, pullRequestObject(repo), repository(repo))),
                repo, conversation, login);
        assertThat(request.getString("selected_branch")).as("the fork's branch is not in the clone").isEqualTo("main");
        assertThat(request.getString("initial_user_msg")).contains("the fork " + fork + " (branch `" + HEAD + "`)")
                .contains("git fetch origin pull/7/head:pr-7").contains("please add a test for the timeout");
        assertThat(graphql(repo)).isEmpty();

        STUBS.verify(1, postRequestedFor(urlPathEqualTo(repo.api() + "/issues/7/reactions"))
                .withRequestBody(equalToJson("{\"content\":\"eyes\"}")));
        assertThat(posted(repo, "/issues/7/comments", "I'm on it")).hasSize(1);

        finishes(conversation, "Pushed a timeout test to branch openhands/timeout-test.");
        assertThat(await(repo, "/issues/7/comments", "openhands/timeout-test")).hasSize(1);
        Database.sleep(1000);
        assertThat(posted(repo, "/issues/7/comments", "openhands/timeout-test")).hasSize(1);
        assertThat(posted(repo, "/issues/7/comments", null)).hasSize(2);
    }
}
