package dev.switchboard.jira.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiraPromptTest {

    private static final JiraRepository API = new JiraRepository("github", "acme/api");

    private static List<JiraPrompt.Comment> comments(int from, int to) {
        List<JiraPrompt.Comment> comments = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            comments.add(new JiraPrompt.Comment("Dev " + i, "comment " + i + "\n"));
        }
        return comments;
    }

    @Test
    void carriesKeySummaryDescriptionNewestCommentsAndTheRequest() {
        JiraPrompt.Issue issue = new JiraPrompt.Issue("API-7", "https://acme.atlassian.net/browse/API-7",
                "Checkout fails with saved cards", "Steps:\n- pay with a saved card", comments(3, 12), 12);
        String prompt = JiraPrompt.build(issue, API, "Mia Krystof", "@openhands please fix this in acme/api");
        assertThat(prompt).startsWith("You were asked by Mia Krystof to work on the Jira issue API-7 "
                        + "(https://acme.atlassian.net/browse/API-7).\nWork in the repository acme/api on github.")
                .contains("Summary: Checkout fails with saved cards")
                .contains("Description:\nSteps:\n- pay with a saved card\n")
                .contains("latest comments, oldest first (2 earlier ones not shown)")
                .contains("Dev 3:\ncomment 3\n").contains("Dev 12:\ncomment 12\n")
                .endsWith("What Mia Krystof asked:\n@openhands please fix this in acme/api\n");
        assertThat(prompt.indexOf("comment 3")).isLessThan(prompt.indexOf("comment 12"));
    }

    @Test
    void keepsOnlyTheTenNewestComments() {
        JiraPrompt.Issue issue = new JiraPrompt.Issue("API-7", null, "s", "d", comments(1, 14), 14);
        String prompt = JiraPrompt.build(issue, API, "Mia", "go");
        assertThat(prompt).doesNotContain("comment 4\n").contains("comment 5\n").contains("comment 14\n")
                .contains("(4 earlier ones not shown)");
    }

    @Test
    void anEmptyIssueAskedByALabel() {
        JiraPrompt.Issue issue = new JiraPrompt.Issue("OPS-1", null, null, "  ", List.of(), 0);
        String prompt = JiraPrompt.build(issue, new JiraRepository("gitlab", "acme/platform/infra"), "Ops", null);
        assertThat(prompt).contains("OPS-1.\nWork in the repository acme/platform/infra on gitlab.")
                .contains("Summary: (none)").contains("Description:\n(empty)")
                .doesNotContain("latest comments").endsWith("Ops labelled the issue for you: resolve it.\n");
    }
}
