package dev.switchboard.gitlab.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.jobs.control.AgentTriggers;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Parser and decision together, as the manager runs them on stored deliveries. */
class GitLabManagerTest {

    private final GitLabManager manager = new GitLabManager(AgentTriggers.defaults());

    private static JsonValue labels(String... titles) {
        var array = Json.createArrayBuilder();
        for (String title : titles) {
            array.add(Json.createObjectBuilder().add("id", title.hashCode()).add("title", title));
        }
        return array.build();
    }

    @Test
    void handlesGitLab() {
        assertThat(manager.platform()).isEqualTo(Platform.GITLAB);
    }

    @Test
    void aMentionInAnIssueNoteRequestsAJob() throws Exception {
        assertThat(manager.receive("note", event("gitlab/note.issue.json"))).isEqualTo(Outcome.processed(
                "a job would be requested by alice for acme/platform/billing-service#17: note on issue"));
    }

    @Test
    void anInlineMergeRequestNoteRequestsAJobWithFileAndLine() throws Exception {
        assertThat(manager.receive("note", event("gitlab/note.merge_request.inline.json")))
                .isEqualTo(Outcome.processed("a job would be requested by alice for acme/platform/billing-service!23: "
                        + "inline note on merge request at app/services/retry_policy.rb:42"));
    }

    @Test
    void aMergeRequestOverviewNoteHasNoPosition() throws Exception {
        String payload = without(event("gitlab/note.merge_request.inline.json"), "/object_attributes/position");

        assertThat(manager.receive("note", payload)).isEqualTo(Outcome.processed(
                "a job would be requested by alice for acme/platform/billing-service!23: note on merge request"));
    }

    @Test
    void aNoteWithoutTheMentionIsIgnored() throws Exception {
        String payload = with(event("gitlab/note.issue.json"), "/object_attributes/note",
                "```\n@openhands fix\n```\nThat is how you would ask it.");

        assertThat(manager.receive("note", payload)).isEqualTo(Outcome.ignored("note does not mention @openhands"));
    }

    @Test
    void aNoteSwitchboardWroteIsNeverAnswered() throws Exception {
        String summary = GitLabOwnNotes.mark("@alice I'm done.\n\n> @openhands can you add a max-attempts limit?\n\n"
                + "Added one.");
        String payload = with(event("gitlab/note.issue.json"), "/object_attributes/note", summary);

        assertThat(manager.receive("note", payload)).isEqualTo(Outcome.ignored("note written by Switchboard"));
    }

    @Test
    void aNoteByABotIsIgnored() throws Exception {
        String payload = with(with(event("gitlab/note.issue.json"), "/user/bot", JsonValue.TRUE),
                "/user/username", "project_318_bot_5f2c");

        assertThat(manager.receive("note", payload))
                .isEqualTo(Outcome.ignored("note written by a bot (project_318_bot_5f2c)"));
    }

    @Test
    void theAgentLabelAddedToAnIssueRequestsAJob() throws Exception {
        assertThat(manager.receive("issue", event("gitlab/issue.update.labels.json"))).isEqualTo(Outcome.processed(
                "a job would be requested by bob for acme/platform/billing-service#17: issue labeled openhands"));
    }

    @Test
    void theAgentLabelAddedToAMergeRequestRequestsAJob() throws Exception {
        assertThat(manager.receive("merge_request", event("gitlab/merge_request.update.labels.json")))
                .isEqualTo(Outcome.processed("a job would be requested by alice for acme/platform/billing-service!23: "
                        + "merge request labeled openhands"));
    }

    @Test
    void anAgentLabelThatWasAlreadyThereIsNotAddedAgain() throws Exception {
        String payload = with(with(event("gitlab/issue.update.labels.json"), "/changes/labels/previous",
                labels("openhands")), "/changes/labels/current", labels("openhands", "bug"));

        assertThat(manager.receive("issue", payload)).isEqualTo(Outcome.ignored("label 'bug' is not openhands"));
    }

    @Test
    void removingLabelsAddsNone() throws Exception {
        String payload = with(with(event("gitlab/issue.update.labels.json"), "/changes/labels/previous",
                labels("openhands", "bug")), "/changes/labels/current", labels("bug"));

        assertThat(manager.receive("issue", payload)).isEqualTo(Outcome.ignored("no label was added"));
    }

    @Test
    void severalOtherLabelsAreNamed() throws Exception {
        String payload = with(event("gitlab/issue.update.labels.json"), "/changes/labels/current",
                labels("bug", "ui", "backend"));

        assertThat(manager.receive("issue", payload))
                .isEqualTo(Outcome.ignored("labels 'ui', 'backend' are not openhands"));
    }

    @Test
    void aNoteOnASnippetIsIgnored() throws Exception {
        String payload = with(event("gitlab/note.issue.json"), "/object_attributes/noteable_type", "Snippet");

        assertThat(manager.receive("note", payload)).isEqualTo(Outcome.ignored("note on Snippet is not handled"));
    }

    @Test
    void aPushIsIgnored() throws Exception {
        assertThat(manager.receive("push", "{\"object_kind\": \"push\", \"ref\": \"refs/heads/main\"}"))
                .isEqualTo(Outcome.ignored("event 'push' is not handled"));
    }

    @Test
    void aMalformedPayloadPropagates() {
        String payload = without(event("gitlab/note.issue.json"), "/object_attributes/note");

        assertThatThrownBy(() -> manager.receive("note", payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field 'object_attributes.note' is missing");
    }
}
