package dev.switchboard.github.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubPromptTest {

    private static List<GitHubPrompt.Comment> comments(int n) {
        List<GitHubPrompt.Comment> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(new GitHubPrompt.Comment("user" + i, "comment number " + i));
        }
        return all;
    }

    @Test
    void carriesTitleBodyAndTheRequest() {
        String prompt = GitHubPrompt.build("acme/api", 7, false, "Flaky test in CI", "It fails one run in five.",
                List.of(), "octocat", "@openhands please fix the flaky test", null, null);
        assertThat(prompt).contains("issue acme/api#7").contains("@octocat").contains("Title: Flaky test in CI")
                .contains("It fails one run in five.").contains("@openhands please fix the flaky test")
                .doesNotContain("Latest comments");
    }

    @Test
    void keepsTheNewestTenCommentsNotTheOldest() {
        String prompt = GitHubPrompt.build("acme/api", 7, false, "t", "b", comments(14), "octocat", "go", null, null);
        assertThat(prompt).doesNotContain("comment number 4\n").contains("comment number 5").contains("comment number 14")
                .contains("4 earlier ones left out");
        assertThat(prompt.indexOf("comment number 5")).isLessThan(prompt.indexOf("comment number 14"));
    }

    @Test
    void anInlineReviewCommentNamesFileAndLine() {
        String prompt = GitHubPrompt.build("acme/api", 57, true, "Retry", "", List.of(), "octocat",
                "@openhands make this configurable", "src/main/java/HttpClient.java", 12L);
        assertThat(prompt).contains("pull request acme/api#57").contains("src/main/java/HttpClient.java, line 12")
                .contains("Description:\n(empty)");
    }

    @Test
    void aLabelHasNoRequestText() {
        String prompt = GitHubPrompt.build("acme/api", 9, false, "Bug", "Steps", comments(2), "mona", null, null, null);
        assertThat(prompt).doesNotContain("The request:").contains("@user2 wrote:");
    }

    @Test
    void theNewestCommentsAreOnTheLastTwoPages() {
        assertThat(GitHubThreadReads.lastPage(0)).isEqualTo(1);
        assertThat(GitHubThreadReads.lastPage(10)).isEqualTo(1);
        assertThat(GitHubThreadReads.lastPage(11)).isEqualTo(2);
        assertThat(GitHubThreadReads.lastPage(35)).isEqualTo(4);
    }
}
