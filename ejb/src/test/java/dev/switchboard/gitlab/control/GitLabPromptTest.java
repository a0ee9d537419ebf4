package dev.switchboard.gitlab.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import dev.switchboard.gitlab.control.GitLabEvent.Position;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitLabPromptTest {

    private static List<GitLabPrompt.Note> notes(int n) {
        List<GitLabPrompt.Note> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(new GitLabPrompt.Note("dev" + i, "note number " + i));
        }
        return all;
    }

    @Test
    void carriesTitleDescriptionAndTheRequest() {
        String prompt = GitLabPrompt.build("acme/platform/billing", Noteable.ISSUE, 17, "Payment retries loop forever",
                "Seen in production.", List.of(), "alice", "@openhands add a max-attempts limit", null);

        assertThat(prompt).contains("GitLab issue acme/platform/billing#17 by @alice")
                .contains("Title: Payment retries loop forever").contains("Seen in production.")
                .contains("The request:\n@openhands add a max-attempts limit").doesNotContain("Latest notes")
                .doesNotContain("inline note");
    }

    @Test
    void keepsTheNewestTenNotesOfTheDiscussionOldestFirst() {
        String prompt = GitLabPrompt.build("acme/api", Noteable.ISSUE, 17, "t", "d", notes(13), "alice", "go", null);

        assertThat(prompt).doesNotContain("note number 3\n").contains("@dev4 wrote:\nnote number 4")
                .contains("note number 13").contains("3 earlier ones left out");
        assertThat(prompt.indexOf("note number 4")).isLessThan(prompt.indexOf("note number 13"));
        assertThat(prompt.indexOf("note number 13")).isLessThan(prompt.indexOf("The request:"));
    }

    @Test
    void anInlineMergeRequestNoteNamesFileAndLine() {
        String prompt = GitLabPrompt.build("acme/api", Noteable.MERGE_REQUEST, 23, "Retry policy", "", notes(2),
                "alice", "@openhands extract this into a constant", new Position("app/services/retry_policy.rb", 42L));

        assertThat(prompt).contains("GitLab merge request acme/api!23").contains("Description:\n(empty)")
                .contains("inline note on the merge request's diff, on app/services/retry_policy.rb, line 42.")
                .contains("note number 2").doesNotContain("left out");
    }

    @Test
    void aNoteOnAWholeFileHasNoLine() {
        String prompt = GitLabPrompt.build("acme/api", Noteable.MERGE_REQUEST, 23, "t", "d", List.of(), "alice", "go",
                new Position("logo.png", null));

        assertThat(prompt).contains("on logo.png.").doesNotContain(", line");
    }

    @Test
    void aLabelAsksForWhatTheIssueSays() {
        String prompt = GitLabPrompt.build("acme/api", Noteable.ISSUE, 17, "Add dark mode", "Users want it.",
                notes(1), "bob", null, null);

        assertThat(prompt).contains("by @bob").contains("The issue was labeled for you").doesNotContain("The request:");
    }

    @Test
    void newestOfFewerThanTenIsAll() {
        assertThat(GitLabPrompt.newest(notes(4))).hasSize(4);
        assertThat(GitLabPrompt.newest(null)).isEmpty();
        assertThat(GitLabPrompt.newest(notes(25))).hasSize(GitLabPrompt.MAX_NOTES)
                .first().isEqualTo(new GitLabPrompt.Note("dev16", "note number 16"));
    }
}
