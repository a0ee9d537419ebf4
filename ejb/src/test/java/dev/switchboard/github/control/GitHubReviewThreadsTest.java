package dev.switchboard.github.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubReviewThreadsTest {

    /** GitHub's GraphQL answer for {@link GitHubReviewThreads#QUERY}: two threads, the second holding the comment. */
    private static final String PAGE = """
            {"data":{"repository":{"pullRequest":{"reviewThreads":{
              "pageInfo":{"hasNextPage":true,"endCursor":"Y3Vyc29yOnYyOpK0"},
              "nodes":[
                {"isResolved":true,"isOutdated":false,"path":"README.md","line":3,"originalLine":3,
                 "comments":{"nodes":[{"databaseId":1532200001,"fullDatabaseId":"1532200001","body":"Typo",
                                        "author":{"login":"hubot"}}]}},
                {"isResolved":false,"isOutdated":true,"path":"src/Http.java","line":null,"originalLine":12,
                 "comments":{"nodes":[
                   {"databaseId":1532211000,"fullDatabaseId":"1532211000","body":"Why 3 retries?","author":{"login":"mona"}},
                   {"databaseId":null,"fullDatabaseId":"3532211009","body":"@openhands make it configurable",
                    "author":{"login":"octocat"}},
                   {"databaseId":1532211010,"fullDatabaseId":"1532211010","body":"+1","author":null}]}}]}}}}}""";

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void findsTheThreadHoldingTheCommentByItsFullDatabaseId() {
        GitHubReviewThreads.Page page = GitHubReviewThreads.parse(json(PAGE), 3_532_211_009L);
        assertThat(page.next()).isEmpty();
        assertThat(page.found()).contains(new GitHubReviewThreads.Thread("src/Http.java", 12L, false, true, List.of(
                new GitHubPrompt.Comment("mona", "Why 3 retries?"),
                new GitHubPrompt.Comment("octocat", "@openhands make it configurable"),
                new GitHubPrompt.Comment("ghost", "+1"))));
    }

    @Test
    void olderServersWithOnlyDatabaseIdAreMatchedToo() {
        String old = PAGE.replace("\"fullDatabaseId\":\"1532200001\",", "");
        assertThat(GitHubReviewThreads.parse(json(old), 1_532_200_001L).found().orElseThrow().path())
                .isEqualTo("README.md");
    }

    @Test
    void aCommentNotOnThisPageNamesTheNextOne() {
        GitHubReviewThreads.Page page = GitHubReviewThreads.parse(json(PAGE), 42L);
        assertThat(page.found()).isEmpty();
        assertThat(page.next()).contains("Y3Vyc29yOnYyOpK0");
        assertThat(GitHubReviewThreads.parse(json(PAGE.replace("\"hasNextPage\":true", "\"hasNextPage\":false")), 42L)
                .next()).isEmpty();
    }

    @Test
    void errorsWithoutThePullRequestFailWithGitHubsMessage() {
        assertThatThrownBy(() -> GitHubReviewThreads.parse(json("""
                {"data":{"repository":{"pullRequest":null}},
                 "errors":[{"type":"NOT_FOUND","path":["repository","pullRequest"],
                            "message":"Could not resolve to a PullRequest with the number of 99."}]}"""), 1L))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Could not resolve to a PullRequest");
    }

    @Test
    void theRequestCarriesTheQueryAndItsVariables() {
        JsonObject first = GitHubReviewThreads.request("acme", "api", 57, null);
        assertThat(first.getString("query")).contains("reviewThreads(first: 100, after: $cursor)")
                .contains("fullDatabaseId");
        assertThat(first.getJsonObject("variables").toString())
                .isEqualTo("{\"owner\":\"acme\",\"name\":\"api\",\"number\":57,\"cursor\":null}");
        assertThat(GitHubReviewThreads.request("acme", "api", 57, "abc").getJsonObject("variables").getString("cursor"))
                .isEqualTo("abc");
    }
}
