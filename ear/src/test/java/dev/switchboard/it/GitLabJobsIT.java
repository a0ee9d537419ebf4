package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A GitLab job end to end through the deployed EAR: WireMock plays GitLab ({@code /gitlab/api/v4}) and the agent
 * server ({@code /agent}); requesters link their GitLab accounts through the real OAuth flow, and every post is made
 * with the requester's own token, in the discussion that asked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GitLabJobsIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String API = "/gitlab/api/v4";
    private static final String CALLBACK_SECRET = "it-agent-callback-secret";
    private static final String INTAKE = "http://127.0.0.1:8080/api/webhooks/gitlab";
    private static final String MARK = "<!-- switchboard -->";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    /** One project in its own group, with its own ids so tests never share stubs. */
    private record Project(long id, long groupId, String group, String discussion) {
        String path() {
            return group + "/api";
        }

        String api() {
            return API + "/projects/" + id;
        }

        String issue() {
            return api() + "/issues/17";
        }

        String replies() {
            return issue() + "/discussions/" + discussion + "/notes";
        }
    }

    private static long unique() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
    }

    private static Project project() {
        long n = unique();
        Project p = new Project(3_000_000L + n, 4_000_000L + n, "team" + n,
                UUID.randomUUID().toString().replace("-", "") + "00000000");
        STUBS.stubFor(get(urlPathEqualTo(p.api())).willReturn(okJson("{\"id\":" + p.id() + ",\"path_with_namespace\":\""
                + p.path() + "\",\"default_branch\":\"main\",\"namespace\":{\"id\":" + p.groupId()
                + ",\"kind\":\"group\",\"full_path\":\"" + p.group() + "\"}}")));
        STUBS.stubFor(get(urlPathEqualTo(p.issue())).willReturn(okJson(
                "{\"iid\":17,\"title\":\"Flaky test in CI\",\"description\":\"It fails one run in five.\",\"state\":\"opened\"}")));
        STUBS.stubFor(post(urlPathEqualTo(p.replies())).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":" + (900_000 + n) + "}")));
        return p;
    }

    /** The discussion: twelve earlier notes, a system note, and the note that asks. */
    private static void discussion(Project p, long askingNote, String request) {
        JsonArrayBuilder notes = Json.createArrayBuilder();
        for (int i = 1; i <= 12; i++) {
            notes.add(note(i, "dev" + i, "earlier note " + i, false));
            if (i == 6) {
                notes.add(note(100, "dev6", "changed the description", true));
            }
        }
        notes.add(note(askingNote, "someone", request, false));
        STUBS.stubFor(get(urlPathEqualTo(p.issue() + "/discussions/" + p.discussion())).willReturn(okJson(
                Json.createObjectBuilder().add("id", p.discussion()).add("individual_note", false).add("notes", notes)
                        .build().toString())));
    }

    private static jakarta.json.JsonObject note(long id, String username, String body, boolean system) {
        return Json.createObjectBuilder().add("id", id).add("body", body).add("system", system)
                .add("author", Json.createObjectBuilder().add("id", 50 + id).add("username", username)).build();
    }

    private static void member(Project p, long gitlabId, int level) {
        STUBS.stubFor(get(urlPathEqualTo(p.api() + "/members/all/" + gitlabId)).willReturn(okJson(
                "{\"id\":" + gitlabId + ",\"username\":\"u" + gitlabId + "\",\"access_level\":" + level
                        + ",\"state\":\"active\"}")));
    }

    /** A member through the project's group only: the project does not list them. */
    private static void groupMember(Project p, long gitlabId, int level) {
        STUBS.stubFor(get(urlPathEqualTo(p.api() + "/members/all/" + gitlabId)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"404 Not found\"}")));
        STUBS.stubFor(get(urlPathEqualTo(API + "/groups/" + p.groupId() + "/members/all/" + gitlabId)).willReturn(okJson(
                "{\"id\":" + gitlabId + ",\"username\":\"u" + gitlabId + "\",\"access_level\":" + level
                        + ",\"state\":\"active\"}")));
    }

    /** One knowledge microagent in the project's .openhands/microagents, at its default branch. */
    private static void microagent(Project p, String file, String text) {
        String commit = "feed" + p.id() + "0000000000000000000000000000";
        STUBS.stubFor(get(urlPathEqualTo(p.api() + "/repository/commits/main")).willReturn(okJson("{\"id\":\"" + commit + "\"}")));
        STUBS.stubFor(get(urlPathEqualTo(p.api() + "/repository/tree")).withQueryParam("path", absent())
                .willReturn(okJson("[{\"id\":\"t1\",\"name\":\".openhands\",\"type\":\"tree\",\"path\":\".openhands\","
                        + "\"mode\":\"040000\"}]").withHeader("X-Next-Page", "")));
        String path = ".openhands/microagents/" + file;
        STUBS.stubFor(get(urlPathEqualTo(p.api() + "/repository/tree")).withQueryParam("path", equalTo(".openhands/microagents"))
                .willReturn(okJson("[{\"id\":\"b1\",\"name\":\"" + file + "\",\"type\":\"blob\",\"path\":\"" + path
                        + "\",\"mode\":\"100644\"}]").withHeader("X-Next-Page", "")));
        STUBS.stubFor(get(urlPathMatching(Pattern.quote(p.api() + "/repository/files/")
                        + Pattern.quote(path).replace("/", "\\E(?:%2F|/)\\Q")))
                .withQueryParam("ref", equalTo(commit)).willReturn(okJson("{\"file_path\":\"" + path
                        + "\",\"encoding\":\"base64\",\"content\":\""
                        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\"}")));
    }

    private static String conversation(Project p) {
        String id = "conv" + UUID.randomUUID().toString().replace("-", "");
        STUBS.stubFor(post(urlPathEqualTo("/agent/api/conversations"))
                .withRequestBody(matchingJsonPath("$.repository", equalTo(p.path())))
                .willReturn(okJson("{\"status\":\"ok\",\"conversation_id\":\"" + id + "\"}")));
        return id;
    }

    /** A Note Hook delivery, as GitLab sends it, of a note in the project's discussion on issue 17. */
    private static Sample note(Project p, String uuid, long gitlabId, long noteId, String text) {
        byte[] body = Sample.utf8("""
                {"object_kind":"note","event_type":"note",
                 "user":{"id":%d,"name":"GitLab Tester","username":"u%d","bot":false},
                 "project_id":%d,
                 "project":{"id":%d,"name":"api","path_with_namespace":"%s","web_url":"https://gitlab.example.com/%s"},
                 "object_attributes":{"id":%d,"note":%s,"noteable_type":"Issue","author_id":%d,"project_id":%d,
                                      "system":false,"discussion_id":"%s","type":"DiscussionNote",
                                      "url":"https://gitlab.example.com/%s/-/issues/17#note_%d"},
                 "issue":{"id":92,"iid":17,"title":"Flaky test in CI","state":"opened"}}
                """.formatted(gitlabId, gitlabId, p.id(), p.id(), p.path(), p.path(), noteId, Sample.jsonString(text),
                gitlabId, p.id(), p.discussion(), p.path(), noteId));
        return new Sample("gitlab", "/api/webhooks/gitlab", uuid, Signed.gitlab("Note Hook", uuid), body);
    }

    private static String accepted(Sample sample) {
        HttpResponse<String> response = sample.send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response.body()).getString("id");
    }

    private static HttpResponse<String> push(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Server.post("/api/agent/events", Map.of("Content-Type", "application/json",
                "X-Signature-256", "sha256=" + Signed.hmac(CALLBACK_SECRET, bytes)), bytes);
    }

    private static List<LoggedRequest> replies(Project p, String containing) {
        RequestPatternBuilder pattern = postRequestedFor(urlPathEqualTo(p.replies()));
        if (containing != null) {
            pattern = pattern.withRequestBody(containing(containing));
        }
        return STUBS.findAll(pattern);
    }

    private static List<LoggedRequest> awaitReplies(Project p, String containing) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<LoggedRequest> found = replies(p, containing);
            if (!found.isEmpty()) {
                return found;
            }
            Database.sleep(200);
        }
        return replies(p, containing);
    }

    private static List<LoggedRequest> conversationsStarted(Project p) {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/agent/api/conversations"))
                .withRequestBody(matchingJsonPath("$.repository", equalTo(p.path()))));
    }

    private static Map<String, Object> settled(String id) {
        return Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
    }

    /** A maintainer linked GitLab and let Switchboard install its hook on the project; returns their authorization. */
    private static String hookInstalledByAMaintainer(Project p) {
        long ownerId = 6_000_000L + unique();
        String ownerToken = "gloat-owner" + ownerId;
        String owner = GitLabLinks.link("owner" + ownerId, ownerToken, "glrt-owner" + ownerId, 7200, ownerId);
        String auth = "Bearer " + ownerToken;
        STUBS.stubFor(get(urlPathEqualTo(API + "/projects")).withHeader("Authorization", equalTo(auth))
                .willReturn(okJson("[{\"id\":" + p.id() + ",\"path_with_namespace\":\"" + p.path() + "\"}]")));
        STUBS.stubFor(get(urlPathEqualTo(API + "/groups")).withHeader("Authorization", equalTo(auth)).willReturn(okJson("[]")));
        member(p, ownerId, 40);
        STUBS.stubFor(get(urlPathEqualTo(p.api() + "/hooks")).willReturn(okJson("[]")));
        STUBS.stubFor(post(urlPathEqualTo(p.api() + "/hooks")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":991,\"url\":\"" + INTAKE + "\"}")));
        STUBS.stubFor(get(urlPathEqualTo(p.api() + "/hooks/991")).willReturn(okJson(
                "{\"id\":991,\"url\":\"" + INTAKE + "\",\"project_id\":" + p.id() + ",\"alert_status\":\"executable\"}")));
        HttpResponse<String> sync = Server.postEmpty("/api/gitlab/webhooks/sync", owner);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        return auth;
    }

    @Test
    void aMentionStartsOneConversationRepliesInTheDiscussionAndPostsTheSummaryOnce() {
        Project p = project();
        long gitlabId = 6_000_000L + unique();
        String tag = "jobs" + gitlabId;
        String token = "gloat-" + tag;
        GitLabLinks.link(tag, token, "glrt-" + tag, 7200, gitlabId);
        member(p, gitlabId, 30);
        String request = "@openhands please fix the flaky test";
        long noteId = 7_000_000L + unique();
        discussion(p, noteId, request);
        microagent(p, "flaky.md", "---\ntriggers: [flaky]\n---\nRun the suite three times before calling a test fixed.");
        String conversation = conversation(p);

        String id = accepted(note(p, "it-gl-job-" + UUID.randomUUID(), gitlabId, noteId, request));
        Map<String, Object> row = settled(id);
        assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
        assertThat((String) row.get("outcome")).contains(conversation).contains("u" + gitlabId);

        List<LoggedRequest> started = conversationsStarted(p);
        assertThat(started).hasSize(1);
        var asked = json(started.get(0).getBodyAsString());
        assertThat(asked.getString("git_provider")).isEqualTo("gitlab");
        assertThat(asked.getString("initial_user_msg")).contains("Flaky test in CI").contains("It fails one run in five.")
                .contains(request).contains("earlier note 12").contains("earlier note 3")
                .doesNotContain("earlier note 2\n").doesNotContain("changed the description")
                .contains(p.path() + "#17");
        assertThat(asked.getString("conversation_instructions")).as("the project's microagent, triggered by 'flaky'")
                .contains("Run the suite three times before calling a test fixed.");

        String link = "http://127.0.0.1:8089/agent/conversations/" + conversation;
        assertThat(replies(p, "I'm on it")).as("one reply in the discussion that asked").hasSize(1).allSatisfy(r -> {
            assertThat(r.getBodyAsString()).contains(link).contains("@u" + gitlabId).contains(MARK);
            assertThat(r.getHeader("Authorization")).as("the requester's own token").isEqualTo("Bearer " + token);
        });

        // GitLab delivers Switchboard's own reply back as a note: never answered
        String echo = accepted(note(p, "it-gl-echo-" + UUID.randomUUID(), gitlabId, noteId + 1,
                "@u" + gitlabId + " I'm on it! " + request + "\n\n" + MARK));
        Map<String, Object> echoed = settled(echo);
        assertThat(echoed.get("status")).isEqualTo("IGNORED");
        assertThat((String) echoed.get("outcome")).contains("written by Switchboard");

        // a replay of the processed delivery starts nothing and replies nothing again
        HttpResponse<String> replay = Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin());
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(settled(id).get("status")).isEqualTo("PROCESSED");
        assertThat(conversationsStarted(p)).hasSize(1);
        assertThat(replies(p, "I'm on it")).hasSize(1);

        // the agent finishes; the same push twice posts the summary once, in the same discussion
        String finished = "{\"conversation_id\":\"" + conversation + "\",\"agent_state\":\"finished\","
                + "\"message\":\"Fixed the flaky test by waiting for the port.\"}";
        assertThat(push(finished).statusCode()).isEqualTo(202);
        assertThat(push(finished).statusCode()).isEqualTo(202);
        assertThat(awaitReplies(p, "Fixed the flaky test")).hasSize(1);
        Database.sleep(1500);
        assertThat(replies(p, "Fixed the flaky test")).hasSize(1).allSatisfy(r -> {
            assertThat(r.getBodyAsString()).contains(link).contains("@u" + gitlabId).contains(MARK);
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + token);
        });
        assertThat(Database.queryInt("select count(*) from agent_jobs where conversation_id = ? and status = 'FINISHED'",
                conversation)).isEqualTo(1);
    }

    @Test
    void anUnknownUserIsAskedOnceToConnectWithTheTokenOfWhoeverInstalledTheHook() {
        Project p = project();
        String auth = hookInstalledByAMaintainer(p);

        long strangerId = 8_000_000L + unique();
        member(p, strangerId, 30);
        String id = accepted(note(p, "it-gl-unknown-" + UUID.randomUUID(), strangerId, 7_000_000L + unique(),
                "@openhands do something"));
        Map<String, Object> row = settled(id);
        assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).contains("u" + strangerId).contains("no linked Switchboard account");
        assertThat(replies(p, "http://127.0.0.1:8080/api/oauth/gitlab/authorize")).hasSize(1).allSatisfy(r -> {
            assertThat(r.getBodyAsString()).contains("@u" + strangerId).contains(MARK);
            assertThat(r.getHeader("Authorization")).isEqualTo(auth);
        });

        assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        Database.awaitStatus(id, WAIT, "IGNORED", "DEAD");
        Database.sleep(500);
        assertThat(replies(p, "/api/oauth/gitlab/authorize")).as("asked once").hasSize(1);
        assertThat(conversationsStarted(p)).isEmpty();
    }

    @Test
    void aReporterIsIgnoredWithoutAnAnswer() {
        Project p = project();
        long gitlabId = 6_000_000L + unique();
        String tag = "reporter" + gitlabId;
        GitLabLinks.link(tag, "gloat-" + tag, "glrt-" + tag, 7200, gitlabId);
        groupMember(p, gitlabId, 20);
        String id = accepted(note(p, "it-gl-reporter-" + UUID.randomUUID(), gitlabId, 7_000_000L + unique(),
                "@openhands fix it"));
        Map<String, Object> row = settled(id);
        assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).as("the group's level, read after the project's 404")
                .contains("u" + gitlabId).contains("access level 20");
        assertThat(replies(p, null)).isEmpty();
        assertThat(conversationsStarted(p)).isEmpty();
    }

    @Test
    void inTeamModeAnUnlinkedDeveloperGetsAJobActingWithTheHookOwnersTokenAttributedToTheirUsername() throws Exception {
        Project p = project();
        String auth = hookInstalledByAMaintainer(p);
        long developerId = 8_500_000L + unique();
        member(p, developerId, 30);
        long noteId = 7_500_000L + unique();
        discussion(p, noteId, "@openhands please fix the flaky test");
        String conversation = conversation(p);
        try (AutoCloseable team = JobLifecycleIT.setting("allow.unlinked.users", "true", null)) {
            Map<String, Object> row = settled(accepted(note(p, "it-gl-team-" + UUID.randomUUID(), developerId, noteId,
                    "@openhands please fix the flaky test")));
            assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
            assertThat((String) row.get("outcome")).contains(conversation).contains("u" + developerId);
        }
        assertThat(conversationsStarted(p)).hasSize(1);
        assertThat(replies(p, "I'm on it")).hasSize(1).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).as("the hook owner's token").isEqualTo(auth);
            assertThat(r.getBodyAsString()).contains("@u" + developerId);
        });
        assertThat(Database.queryInt("select count(*) from agent_jobs where conversation_id = ? and requester = ?"
                + " and user_id is null", conversation, "u" + developerId)).isEqualTo(1);
    }

    /**
     * A crash between a reply's post and its record leaves the notice "sending": the next attempt looks for the
     * notice's marker in the discussion on GitLab first, and posts only when it is not there.
     */
    @Test
    void aReplyWhoseOutcomeACrashLostIsLookedForOnGitLabBeforeItIsPostedAgain() {
        Project p = project();
        hookInstalledByAMaintainer(p);
        long strangerId = 8_200_000L + unique();
        member(p, strangerId, 30);
        String found = accepted(note(p, "it-gl-lost-" + UUID.randomUUID(), strangerId, 7_000_000L + unique(),
                "@openhands do something"));
        String missing = accepted(note(p, "it-gl-lost-" + UUID.randomUUID(), strangerId, 7_000_000L + unique(),
                "@openhands do something else"));
        assertThat(settled(found).get("status")).isEqualTo("IGNORED");
        assertThat(settled(missing).get("status")).isEqualTo("IGNORED");
        assertThat(replies(p, "/api/oauth/gitlab/authorize")).hasSize(2);

        String foundNotice = CrashWindow.lostOutcome(found);
        String missingNotice = CrashWindow.lostOutcome(missing);
        STUBS.stubFor(get(urlPathEqualTo(p.issue() + "/discussions/" + p.discussion())).willReturn(okJson(
                Json.createObjectBuilder().add("id", p.discussion()).add("individual_note", false).add("notes",
                        Json.createArrayBuilder().add(note(1, "someone", "@openhands do something", false))
                                .add(note(2, "maintainer", "Please connect your account.\n\n<!-- switchboard:notice:"
                                        + foundNotice + " -->\n\n" + MARK, false))).build().toString())));
        CrashWindow.replay(List.of(found, missing), foundNotice, missingNotice);
        assertThat(Database.queryString("select posted_id from job_notices where id = ?", foundNotice))
                .as("the discussion the reply was found in").isEqualTo(p.discussion());
        assertThat(STUBS.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(p.issue() + "/discussions/" + p.discussion())))).as("GitLab asked once per uncertain notice")
                .hasSize(2);
        assertThat(replies(p, "/api/oauth/gitlab/authorize")).as("posted again only where GitLab did not have it")
                .hasSize(3).filteredOn(r -> r.getBodyAsString().contains(missingNotice)).hasSize(2);
    }
}
