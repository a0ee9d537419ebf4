package dev.switchboard.gitlab.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.gitlab.control.GitLabEvent.Author;
import dev.switchboard.gitlab.control.GitLabEvent.IssueLabeled;
import dev.switchboard.gitlab.control.GitLabEvent.MergeRequestLabeled;
import dev.switchboard.gitlab.control.GitLabEvent.Note;
import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import dev.switchboard.gitlab.control.GitLabEvent.Position;
import dev.switchboard.gitlab.control.GitLabEvent.Unsupported;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitLabEventParserTest {

    @Test
    void readsANoteOnAnIssue() throws Exception {
        GitLabEvent parsed = GitLabEventParser.parse("note", event("gitlab/note.issue.json"));

        assertThat(parsed).isEqualTo(new Note("acme/platform/billing-service", 318, Noteable.ISSUE, 17, 88231,
                "0f5b1c9d2f3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b",
                "The retry loop never ends when the gateway times out.\n\n@openhands can you add a max-attempts limit?",
                new Author(1042L, "alice", false), null));
    }

    @Test
    void readsAnInlineNoteOnAMergeRequest() throws Exception {
        Note parsed = (Note) GitLabEventParser.parse("note", event("gitlab/note.merge_request.inline.json"));

        assertThat(parsed.noteable()).isEqualTo(Noteable.MERGE_REQUEST);
        assertThat(parsed.iid()).isEqualTo(23);
        assertThat(parsed.position()).isEqualTo(new Position("app/services/retry_policy.rb", 42L));
    }

    @Test
    void aNoteOnARemovedLineUsesTheOldSide() throws Exception {
        String payload = with(with(with(event("gitlab/note.merge_request.inline.json"),
                "/object_attributes/position/new_line", JsonValue.NULL),
                "/object_attributes/position/old_line", Json.createValue(38)),
                "/object_attributes/position/new_path", JsonValue.NULL);

        assertThat(((Note) GitLabEventParser.parse("note", payload)).position())
                .isEqualTo(new Position("app/services/retry_policy.rb", 38L));
    }

    @Test
    void changePositionIsUsedWhenPositionIsAbsent() throws Exception {
        String inline = event("gitlab/note.merge_request.inline.json");
        JsonValue position = dev.switchboard.testing.Fixtures.read(inline).getValue("/object_attributes/position");
        String payload = with(without(inline, "/object_attributes/position"),
                "/object_attributes/change_position", position);

        assertThat(((Note) GitLabEventParser.parse("note", payload)).position())
                .isEqualTo(new Position("app/services/retry_policy.rb", 42L));
    }

    @Test
    void aBotUserIsMarked() throws Exception {
        String payload = with(event("gitlab/note.issue.json"), "/user/bot", JsonValue.TRUE);

        assertThat(((Note) GitLabEventParser.parse("note", payload)).author()).isEqualTo(new Author(1042L, "alice", true));
    }

    @Test
    void aUserWithoutAnIdIsStillRead() throws Exception {
        String payload = without(event("gitlab/note.issue.json"), "/user/id");

        assertThat(((Note) GitLabEventParser.parse("note", payload)).author()).isEqualTo(new Author(null, "alice", false));
    }

    @Test
    void readsTheLabelsAddedToAnIssue() throws Exception {
        assertThat(GitLabEventParser.parse("issue", event("gitlab/issue.update.labels.json")))
                .isEqualTo(new IssueLabeled("acme/platform/billing-service", 318, 17, List.of("openhands"),
                        new Author(877L, "bob", false)));
    }

    @Test
    void readsTheLabelsAddedToAMergeRequest() throws Exception {
        assertThat(GitLabEventParser.parse("merge_request", event("gitlab/merge_request.update.labels.json")))
                .isEqualTo(new MergeRequestLabeled("acme/platform/billing-service", 318, 23, List.of("openhands"),
                        new Author(1042L, "alice", false)));
    }

    @Test
    void anIssueUpdateWithoutLabelChangesIsUnsupported() throws Exception {
        String payload = without(event("gitlab/issue.update.labels.json"), "/changes/labels");

        assertThat(GitLabEventParser.parse("issue", payload))
                .isEqualTo(new Unsupported("issue event without label changes is not handled"));
    }

    @Test
    void aNoteOnACommitIsUnsupported() throws Exception {
        String payload = with(event("gitlab/note.issue.json"), "/object_attributes/noteable_type", "Commit");

        assertThat(GitLabEventParser.parse("note", payload))
                .isEqualTo(new Unsupported("note on Commit is not handled"));
    }

    @Test
    void otherKindsAreUnsupported() throws Exception {
        assertThat(GitLabEventParser.parse("pipeline", "{\"object_kind\": \"pipeline\"}"))
                .isEqualTo(new Unsupported("event 'pipeline' is not handled"));
    }

    @ParameterizedTest
    @CsvSource({
            "note, gitlab/note.issue.json, /object_attributes/note, object_attributes.note",
            "note, gitlab/note.issue.json, /object_attributes/noteable_type, object_attributes.noteable_type",
            "note, gitlab/note.issue.json, /issue, issue.iid",
            "note, gitlab/note.issue.json, /project, project.path_with_namespace",
            "note, gitlab/note.issue.json, /project/id, project.id",
            "issue, gitlab/issue.update.labels.json, /project/id, project.id",
            "note, gitlab/note.issue.json, /user/username, user.username",
            "note, gitlab/note.merge_request.inline.json, /merge_request, merge_request.iid",
            "issue, gitlab/issue.update.labels.json, /object_attributes/iid, object_attributes.iid",
            "issue, gitlab/issue.update.labels.json, /changes/labels/previous, changes.labels.previous",
            "merge_request, gitlab/merge_request.update.labels.json, /user, user.username",
    })
    void aMissingRequiredFieldIsMalformed(String kind, String fixture, String pointer, String field) {
        String payload = without(event(fixture), pointer);

        assertThatThrownBy(() -> GitLabEventParser.parse(kind, payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field '" + field + "' is missing");
    }
}
