package dev.switchboard.github.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubPullRequestPromptTest {

    private static final GitHubPullRequest SAME_REPO = new GitHubPullRequest(57, "feature/retry", "acme/api", "main",
            "acme/api");

    private static GitHubChangedFile file(String name, String patch) {
        return new GitHubChangedFile(name, "modified", 2, 1, patch, null);
    }

    @Test
    void readsGitHubsPullRequestAndFileListing() {
        GitHubPullRequest pr = GitHubPullRequest.from(Json.createReader(new StringReader("""
                {"number":57,"state":"open","title":"Retry",
                 "head":{"ref":"feature/retry","sha":"6dcb09b","repo":{"full_name":"mona/api","fork":true}},
                 "base":{"ref":"main","sha":"a10867b","repo":{"full_name":"acme/api"}}}""")).readObject());
        assertThat(pr).isEqualTo(new GitHubPullRequest(57, "feature/retry", "mona/api", "main", "acme/api"));
        assertThat(pr.fromFork()).isTrue();
        assertThat(pr.startBranch()).isEqualTo("main");
        assertThat(SAME_REPO.fromFork()).isFalse();
        assertThat(SAME_REPO.startBranch()).isEqualTo("feature/retry");
        assertThat(GitHubPullRequest.from(Json.createReader(new StringReader("""
                {"number":3,"head":{"ref":"x","repo":null},"base":{"ref":"main","repo":{"full_name":"acme/api"}}}"""))
                .readObject()).fromFork()).as("a deleted fork").isTrue();

        List<GitHubChangedFile> files = GitHubChangedFile.listOf(Json.createReader(new StringReader("""
                [{"sha":"bbcd538","filename":"src/A.java","status":"modified","additions":3,"deletions":1,
                  "changes":4,"patch":"@@ -1,2 +1,4 @@\\n-a\\n+b"},
                 {"sha":"cccd538","filename":"logo.png","status":"added","additions":0,"deletions":0,"changes":0},
                 {"sha":"dddd538","filename":"src/B.java","status":"renamed","previous_filename":"src/Old.java",
                  "additions":0,"deletions":0,"changes":0}]""")).readArray());
        assertThat(files).containsExactly(new GitHubChangedFile("src/A.java", "modified", 3, 1, "@@ -1,2 +1,4 @@\n-a\n+b", null),
                new GitHubChangedFile("logo.png", "added", 0, 0, null, null),
                new GitHubChangedFile("src/B.java", "renamed", 0, 0, null, "src/Old.java"));
    }

    @Test
    void carriesTheHeadBranchAndEveryPatchThatFits() {
        String section = GitHubPullRequestPrompt.section(SAME_REPO, List.of(file("src/A.java", "@@ -1 +1 @@\n-a\n+b"),
                new GitHubChangedFile("logo.png", "added", 0, 0, null, null)), false, null, null, 1000);
        assertThat(section).contains("`feature/retry`, the pull request's head branch").contains("merges into `main`")
                .contains("Changed files (2, +2 -1)").contains("#### src/A.java (modified, +2 -1)\n```diff\n@@ -1 +1 @@\n-a\n+b\n```")
                .contains("#### logo.png (added, +0 -0)\n(no patch from GitHub").doesNotContain("cut")
                .doesNotContain("review thread").doesNotContain("git diff");
    }

    @Test
    void capsThePatchesAndSaysSo() {
        String big = "@@ -1 +1 @@\n" + "+x\n".repeat(40);
        String section = GitHubPullRequestPrompt.section(SAME_REPO, List.of(file("a.txt", big), file("b.txt", big),
                file("c.txt", "@@ -1 +1 @@\n+small")), false, null, null, big.length() + 20);
        assertThat(section).contains("#### a.txt (modified, +2 -1)\n```diff\n" + big.stripTrailing())
                .contains("#### b.txt (modified, +2 -1)\n(patch left out, see below)")
                .as("a smaller patch after a cut one still fits").contains("+small")
                .contains("1 patch was left out to keep this message short (at most " + (big.length() + 20)
                        + " characters of patches)")
                .contains("git diff origin/main...");
    }

    @Test
    void theCommentedFileComesFirstSoItsPatchIsKept() {
        String big = "+y\n".repeat(30);
        String section = GitHubPullRequestPrompt.section(SAME_REPO, List.of(file("other.txt", big), file("Http.java", big)),
                false, null, "Http.java", big.length());
        assertThat(section.indexOf("#### Http.java")).isLessThan(section.indexOf("#### other.txt"));
        assertThat(section).contains("#### Http.java (modified, +2 -1)\n```diff")
                .contains("#### other.txt (modified, +2 -1)\n(patch left out");
    }

    @Test
    void aListingCutShortAndAVeryLongOneAreNamed() {
        List<GitHubChangedFile> many = java.util.stream.IntStream.range(0, GitHubPullRequestPrompt.MAX_LISTED_FILES + 5)
                .mapToObj(i -> file("f" + i + ".txt", "+" + i)).toList();
        String section = GitHubPullRequestPrompt.section(SAME_REPO, many, true, null, null, 1_000_000);
        assertThat(section).contains("Changed files (305 or more").contains("...and 5 more changed files")
                .contains("The list of changed files was cut").contains("git diff origin/main...")
                .doesNotContain("#### f300.txt").doesNotContain("left out to keep");
    }

    @Test
    void aForkPullRequestStartsOnTheBaseAndSaysHowToFetchIt() {
        GitHubPullRequest fork = new GitHubPullRequest(57, "feature/retry", "mona/api", "main", "acme/api");
        String section = GitHubPullRequestPrompt.section(fork, List.of(), false, null, null, 100);
        assertThat(section).contains("the fork mona/api (branch `feature/retry`)").contains("base branch `main`")
                .contains("git fetch origin pull/57/head:pr-57").contains("push your changes to a new branch")
                .contains("Changed files: none");
    }

    @Test
    void theReviewThreadIsQuotedWithPathLineAndState() {
        GitHubReviewThreads.Thread thread = new GitHubReviewThreads.Thread("src/Http.java", 12L, false, true,
                List.of(new GitHubPrompt.Comment("mona", "Why 3 retries?"),
                        new GitHubPrompt.Comment("octocat", "@openhands make it configurable")));
        String section = GitHubPullRequestPrompt.section(SAME_REPO, List.of(), false, thread, "src/Http.java", 100);
        assertThat(section).contains("review thread of the inline comment, on src/Http.java, line 12 (outdated")
                .contains("@mona wrote:\nWhy 3 retries?\n\n@octocat wrote:\n@openhands make it configurable");
    }

    @Test
    void aPatchWithBackticksGetsALongerFence() {
        assertThat(GitHubPullRequestPrompt.fenceFor("+```java\n+x")).isEqualTo("````");
        assertThat(GitHubPullRequestPrompt.fenceFor("+x")).isEqualTo("```");
    }

    @Test
    void thePromptPutsThePullRequestPartBeforeTheRequest() {
        String prompt = GitHubPrompt.build("acme/api", 57, true, "Retry", "Adds retries", List.of(), "octocat",
                "@openhands make this configurable", "src/Http.java", 12L, "\nBranch: you are on `feature/retry`\n");
        assertThat(prompt.indexOf("Branch: you are on")).isGreaterThan(prompt.indexOf("Adds retries"))
                .isLessThan(prompt.indexOf("src/Http.java, line 12")).isLessThan(prompt.indexOf("The request:"));
    }
}
