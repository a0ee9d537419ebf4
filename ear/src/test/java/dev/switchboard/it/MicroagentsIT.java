package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
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
 * Microagents through the deployed EAR: a GitHub repository with a realistic {@code .openhands/microagents} tree,
 * third-party files and an organization config repository, and a GitLab project in a subgroup (paginated tree, no
 * config repository), listed and matched with the signed-in user's linked accounts; the second load of a commit
 * reads nothing but the ref.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MicroagentsIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final String GH = "/github-api";
    private static final String GL = "/gitlab/api/v4";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void aGitHubRepositorysAgentsAreListedMatchedAndCachedPerCommit() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String token = "ghu_micro" + tag;
        String bearer = linkGitHub(tag, token);
        String org = "acme-" + tag;
        String repo = org + "/api";
        String commit = "c0ffee" + tag + "0000000000000000000000";
        String orgCommit = "0a9" + tag + "0000000000000000000000000";

        STUBS.stubFor(get(urlPathEqualTo(GH + "/repos/" + repo + "/commits/main"))
                .withHeader("Authorization", equalTo("Bearer " + token)).willReturn(okJson("{\"sha\":\"" + commit + "\"}")));
        STUBS.stubFor(get(urlPathEqualTo(GH + "/repos/" + repo + "/git/trees/" + commit)).willReturn(okJson(tree(
                entry(".openhands", "tree", "t-oh-" + tag), entry("AGENTS.md", "blob", "b1"), entry("agents.md", "blob", "b2"),
                entry(".cursorrules", "blob", "b3"), entry("README.md", "blob", "b4"), entry("src", "tree", "t-src")))));
        STUBS.stubFor(get(urlPathEqualTo(GH + "/repos/" + repo + "/git/trees/t-oh-" + tag)).withQueryParam("recursive", equalTo("1"))
                .willReturn(okJson(tree(entry("microagents", "tree", "t-m"), entry("microagents/README.md", "blob", "m0"),
                        entry("microagents/testing.md", "blob", "m1"), entry("microagents/release.md", "blob", "m2"),
                        entry("microagents/frontend", "tree", "t-f"), entry("microagents/frontend/react.md", "blob", "m3"),
                        entry("microagents/broken.md", "blob", "m4"), entry("setup.sh", "blob", "m5")))));
        Map<String, String> files = new HashMap<>();
        files.put("AGENTS.md", "# Agents\r\n\r\nBuild with `mvn verify` before every push.\r\n");
        files.put(".cursorrules", "Prefer records over classes with getters.");
        files.put(".openhands/microagents/testing.md", "\uFEFF---\ntriggers:\n  - test\n  - flaky\n---\nTests live in src/test; run `mvn -q test`.");
        files.put(".openhands/microagents/release.md", "---\nname: release\ninputs:\n  - name: VERSION\n    description: the version to tag\n"
                + "  - name: CHANNEL\n    description: where to announce it\n---\nTag v${VERSION} and announce it in ${CHANNEL}. Costs $0.");
        files.put(".openhands/microagents/frontend/react.md", "---\ntriggers: [react, 組件]\nowner_team: web\n---\nUse function components.");
        files.put(".openhands/microagents/broken.md", "---\nname: broken\ntriggers: [oops\n---\nbody");
        files.forEach((path, text) -> STUBS.stubFor(get(urlPathEqualTo(GH + "/repos/" + repo + "/contents/" + path))
                .withQueryParam("ref", equalTo(commit)).willReturn(okJson(gitHubFile(path, text)))));

        // the organization's config repository: overrides a shipped agent, is overridden by the repository
        String config = org + "/.openhands";
        STUBS.stubFor(get(urlPathEqualTo(GH + "/repos/" + config + "/commits/HEAD")).willReturn(okJson("{\"sha\":\"" + orgCommit + "\"}")));
        STUBS.stubFor(get(urlPathEqualTo(GH + "/repos/" + config + "/git/trees/" + orgCommit))
                .willReturn(okJson(tree(entry("microagents", "tree", "t-org-" + tag), entry("README.md", "blob", "o0")))));
        STUBS.stubFor(get(urlPathEqualTo(GH + "/repos/" + config + "/git/trees/t-org-" + tag)).withQueryParam("recursive", equalTo("1"))
                .willReturn(okJson(tree(entry("security.md", "blob", "o1"), entry("git.md", "blob", "o2"), entry("testing.md", "blob", "o3")))));
        Map<String, String> orgFiles = Map.of("microagents/security.md", "Never print tokens or secrets.",
                "microagents/git.md", "---\ntriggers: [git]\n---\nACME signs every commit.",
                "microagents/testing.md", "---\ntriggers: [test]\n---\nThe organization's testing rules.");
        orgFiles.forEach((path, text) -> STUBS.stubFor(get(urlPathEqualTo(GH + "/repos/" + config + "/contents/" + path))
                .withQueryParam("ref", equalTo(orgCommit)).willReturn(okJson(gitHubFile(path, text)))));

        HttpResponse<String> listed = Server.get("/api/repos/github/" + repo + "/microagents?ref=main", bearer);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonObject list = json(listed.body());
        assertThat(list.getString("commit")).isEqualTo(commit);
        Map<String, JsonObject> agents = byName(list);
        assertThat(agents).containsKeys("agents", "cursorrules", "testing", "release", "frontend/react", "security", "git",
                "github", "update_dependency").doesNotContainKeys("README", "broken", "repo_legacy");
        assertThat(agents.get("agents").getString("file")).isEqualTo("AGENTS.md");
        assertThat(agents.get("agents").getString("type")).isEqualTo("repo");
        assertThat(agents.get("testing").getString("source")).isEqualTo("repository");
        assertThat(agents.get("testing").getString("type")).isEqualTo("knowledge");
        assertThat(agents.get("git").getString("source")).isEqualTo("organization");
        assertThat(agents.get("security").getString("type")).isEqualTo("repo");
        assertThat(agents.get("github").getString("source")).isEqualTo("shipped");
        assertThat(agents.get("release").getString("type")).isEqualTo("task");
        assertThat(agents.get("release").getJsonArray("triggers").getString(0)).isEqualTo("/release");
        assertThat(agents.get("release").getJsonArray("inputs").getJsonObject(0).getString("description")).isEqualTo("the version to tag");
        assertThat(list.getJsonArray("errors")).singleElement().satisfies(e -> {
            assertThat(e.asJsonObject().getString("file")).isEqualTo(".openhands/microagents/broken.md");
            assertThat(e.asJsonObject().getInt("line")).isPositive();
        });

        int treesBefore = count(getRequestedFor(urlPathMatching(Pattern.quote(GH + "/repos/" + repo + "/git/trees/") + ".*")));
        int contentsBefore = count(getRequestedFor(urlPathMatching(Pattern.quote(GH + "/repos/" + repo + "/contents/") + ".*")));
        int orgContentsBefore = count(getRequestedFor(urlPathMatching(Pattern.quote(GH + "/repos/" + config + "/contents/") + ".*")));
        assertThat(treesBefore).isEqualTo(2);
        assertThat(contentsBefore).isEqualTo(6);

        String body = Json.createObjectBuilder().add("provider", "github").add("repository", repo).add("ref", "main")
                .add("message", "@openhands /release VERSION=2.4.0 — and our Flaky digital test uses 組件")
                .add("thread", Json.createArrayBuilder().add("CHANNEL: #releases")).build().toString();
        HttpResponse<String> matched = postJson("/api/microagents/match", bearer, body);
        assertThat(matched.statusCode()).as(matched.body()).isEqualTo(200);
        JsonObject match = json(matched.body());
        assertThat(byName(match)).containsKeys("agents", "cursorrules", "security", "testing", "release", "frontend/react")
                .doesNotContainKeys("git", "github", "update_dependency");
        String instructions = match.getString("instructions");
        assertThat(instructions).contains("Build with `mvn verify` before every push.").contains("Tests live in src/test")
                .doesNotContain("The organization's testing rules").contains("Tag v2.4.0 and announce it in #releases. Costs $0.")
                .doesNotContain("ask the user").doesNotContain("\r");
        assertThat(byName(match).get("release").getJsonArray("missingInputs")).isEmpty();

        // the same commit again: only the ref is resolved; the trees and files come from the cache
        assertThat(count(getRequestedFor(urlPathMatching(Pattern.quote(GH + "/repos/" + repo + "/git/trees/") + ".*")))).isEqualTo(treesBefore);
        assertThat(count(getRequestedFor(urlPathMatching(Pattern.quote(GH + "/repos/" + repo + "/contents/") + ".*")))).isEqualTo(contentsBefore);
        assertThat(count(getRequestedFor(urlPathMatching(Pattern.quote(GH + "/repos/" + config + "/contents/") + ".*"))))
                .isEqualTo(orgContentsBefore);
        assertThat(count(getRequestedFor(urlPathEqualTo(GH + "/repos/" + repo + "/commits/main")))).isEqualTo(2);

        String missing = Json.createObjectBuilder().add("provider", "github").add("repository", repo).add("ref", "main")
                .add("message", "/release").build().toString();
        JsonObject asks = json(postJson("/api/microagents/match", bearer, missing).body());
        assertThat(asks.getString("instructions")).contains("ask the user").contains("- VERSION: the version to tag")
                .contains("- CHANNEL: where to announce it");
        assertThat(listed.body() + matched.body()).doesNotContain(token);
    }

    @Test
    void aGitLabProjectInASubgroupIsReadThroughAPaginatedTree() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        long gitlabId = 7_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        String token = "gloat-micro-" + tag;
        String bearer = GitLabLinks.link("micro" + tag, token, "glrt-micro-" + tag, 7200, gitlabId);
        long project = 900_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 90_000L);
        String group = "grp-" + tag;
        String path = group + "/platform/app";
        String commit = "deadbeef" + tag + "00000000000000000000";
        String auth = "Bearer " + token;

        STUBS.stubFor(get(urlPathMatching(encodedPath(GL + "/projects/", path))).withHeader("Authorization", equalTo(auth))
                .willReturn(okJson("{\"id\":" + project + ",\"path_with_namespace\":\"" + path + "\",\"default_branch\":\"main\"}")));
        STUBS.stubFor(get(urlPathMatching(encodedPath(GL + "/projects/", group + "/openhands-config")))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"404 Project Not Found\"}")));
        String api = GL + "/projects/" + project;
        STUBS.stubFor(get(urlPathEqualTo(api + "/repository/commits/main")).willReturn(okJson("{\"id\":\"" + commit + "\"}")));
        STUBS.stubFor(get(urlPathEqualTo(api + "/repository/tree")).withQueryParam("path", absent())
                .withQueryParam("ref", equalTo(commit)).willReturn(okJson(gitLabTree(".openhands", "tree", "AGENT.md", "blob",
                        "README.md", "blob")).withHeader("X-Next-Page", "")));
        String folder = ".openhands/microagents";
        STUBS.stubFor(get(urlPathEqualTo(api + "/repository/tree")).withQueryParam("path", equalTo(folder))
                .withQueryParam("recursive", equalTo("true")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(gitLabTree(folder + "/ci", "tree", folder + "/ci/pipelines.md", "blob"))
                        .withHeader("X-Next-Page", "2")));
        STUBS.stubFor(get(urlPathEqualTo(api + "/repository/tree")).withQueryParam("path", equalTo(folder))
                .withQueryParam("recursive", equalTo("true")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(gitLabTree(folder + "/deploy.md", "blob", folder + "/README.md", "blob"))
                        .withHeader("X-Next-Page", "")));
        Map<String, String> files = Map.of("AGENT.md", "Run `gradle check`.",
                folder + "/ci/pipelines.md", "---\ntriggers: [pipeline, CI]\n---\nPipelines are in .gitlab-ci.yml.",
                folder + "/deploy.md", "---\ntype: task\ninputs:\n  - name: ENV\n    description: staging or production\n---\nDeploy to ${ENV}.");
        files.forEach((file, text) -> STUBS.stubFor(get(urlPathMatching(encodedPath(api + "/repository/files/", file)))
                .withQueryParam("ref", equalTo(commit)).willReturn(okJson("{\"file_path\":\"" + file
                        + "\",\"encoding\":\"base64\",\"content\":\"" + base64(text) + "\"}"))));

        HttpResponse<String> listed = Server.get("/api/repos/gitlab/" + path + "/microagents", bearer);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        Map<String, JsonObject> agents = byName(json(listed.body()));
        assertThat(agents).containsKeys("agents", "ci/pipelines", "deploy", "gitlab").doesNotContainKey("README");
        assertThat(agents.get("deploy").getString("type")).isEqualTo("task");
        assertThat(json(listed.body()).getJsonArray("errors")).isEmpty();

        String body = Json.createObjectBuilder().add("provider", "gitlab").add("repository", path)
                .add("message", "@openhands the CI pipeline fails, then /deploy it").build().toString();
        HttpResponse<String> matched = postJson("/api/microagents/match", bearer, body);
        assertThat(matched.statusCode()).as(matched.body()).isEqualTo(200);
        JsonObject match = json(matched.body());
        assertThat(byName(match)).containsKeys("agents", "ci/pipelines", "deploy").doesNotContainKey("gitlab");
        assertThat(match.getString("instructions")).contains("Run `gradle check`.").contains("Pipelines are in")
                .contains("- ENV: staging or production");
        assertThat(count(getRequestedFor(urlPathEqualTo(api + "/repository/tree")))).as("cached: three pages once").isEqualTo(3);
    }

    @Test
    void badRequestsGetAStatusAndAJsonError() {
        String bearer = AdminTokens.user("it-micro-unlinked-" + UUID.randomUUID());
        assertThat(Server.get("/api/repos/github/acme/api/microagents", null).statusCode()).isEqualTo(401);
        assertError(Server.get("/api/repos/bitbucket/acme/api/microagents", bearer), 404);
        assertError(Server.get("/api/repos/github/acme/sub/api/microagents", bearer), 400);
        assertError(Server.get("/api/repos/github/acme/api/microagents", bearer), 404); // no linked GitHub account
        assertError(postJson("/api/microagents/match", bearer, "{not json"), 400);
        assertError(postJson("/api/microagents/match", bearer, "[]"), 400);
        assertError(postJson("/api/microagents/match", bearer, "{\"provider\":\"github\",\"repository\":\"a/b\"}"), 400);
        assertError(postJson("/api/microagents/match", bearer,
                "{\"provider\":\"github\",\"repository\":\"a/b\",\"message\":\"x\",\"thread\":[1]}"), 400);

        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String linked = linkGitHub("missing" + tag, "ghu_missing" + tag);
        STUBS.stubFor(get(urlPathEqualTo(GH + "/repos/nobody-" + tag + "/gone/commits/HEAD")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));
        assertError(Server.get("/api/repos/github/nobody-" + tag + "/gone/microagents", linked), 404);
    }

    private static void assertError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response.body()).getString("error")).isNotBlank();
    }

    private static String linkGitHub(String tag, String accessToken) {
        String code = "gh-micro-" + tag;
        long githubId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        STUBS.stubFor(post(urlPathEqualTo("/github/login/oauth/access_token")).withRequestBody(containing("code=" + code))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-www-form-urlencoded")
                        .withBody("access_token=" + accessToken + "&expires_in=28800&refresh_token=ghr_" + tag
                                + "&refresh_token_expires_in=15811200&scope=&token_type=bearer")));
        STUBS.stubFor(get(urlPathEqualTo(GH + "/user")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"login\":\"micro-" + githubId + "\",\"id\":" + githubId + ",\"type\":\"User\"}")));
        String bearer = AdminTokens.user("it-micro-" + tag);
        HttpResponse<String> linked = OAuthFlow.start("github", bearer).callback(code);
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        return bearer;
    }

    private static HttpResponse<String> postJson(String path, String bearer, String body) {
        return Server.send(HttpRequest.newBuilder(Server.BASE.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Map<String, JsonObject> byName(JsonObject answer) {
        Map<String, JsonObject> agents = new HashMap<>();
        for (JsonValue v : answer.getJsonArray("agents")) {
            agents.put(v.asJsonObject().getString("name"), v.asJsonObject());
        }
        return agents;
    }

    private static int count(RequestPatternBuilder pattern) {
        return STUBS.findAll(pattern).size();
    }

    static JsonObject entry(String path, String type, String sha) {
        return Json.createObjectBuilder().add("path", path).add("mode", "100644").add("type", type).add("sha", sha).build();
    }

    static String tree(JsonObject... entries) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObject e : entries) {
            array.add(e);
        }
        return Json.createObjectBuilder().add("sha", "x").add("tree", array).add("truncated", false).build().toString();
    }

    /** Pairs of path and type, as GitLab's tree API lists them. */
    private static String gitLabTree(String... pathsAndTypes) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i = 0; i < pathsAndTypes.length; i += 2) {
            String p = pathsAndTypes[i];
            array.add(Json.createObjectBuilder().add("id", "0" + i).add("name", p.substring(p.lastIndexOf('/') + 1))
                    .add("type", pathsAndTypes[i + 1]).add("path", p).add("mode", "100644"));
        }
        return array.build().toString();
    }

    /** GitHub's contents answer: base64 broken into lines of 60, as GitHub sends it. */
    static String gitHubFile(String path, String text) {
        String b64 = base64(text).replaceAll("(.{60})", "$1\n");
        return Json.createObjectBuilder().add("type", "file").add("encoding", "base64").add("path", path)
                .add("content", b64).build().toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A URL path whose last part GitLab wants as one encoded segment: slashes as %2F (or / should a proxy decode). */
    private static String encodedPath(String prefix, String segment) {
        return Pattern.quote(prefix) + Pattern.quote(segment).replace("/", "\\E(?:%2F|/)\\Q");
    }
}
