package dev.switchboard.gitlab.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gitlab.control.GitLabEvent.Author;
import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import dev.switchboard.gitlab.control.GitLabEvent.Position;
import dev.switchboard.gitlab.entity.GitLabHookInstallation;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.ResourceType;
import dev.switchboard.microagents.control.RepositoryAccess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure pieces of a GitLab job: who acts, where answers go, what the thread and the membership say. */
class GitLabJobPartsTest {

    private static JsonObject note(long id, String username, String body, boolean system) {
        return Json.createObjectBuilder().add("id", id).add("body", body).add("system", system)
                .add("author", Json.createObjectBuilder().add("id", id * 10).add("username", username)).build();
    }

    @Test
    void theThreadLeavesOutSystemNotesAndTheNoteThatAskedAndUnmarksSwitchboards() {
        List<GitLabPrompt.Note> notes = GitLabThreadReads.notes(List.of(
                note(1, "bob", "The retry loop never ends.", false),
                note(2, "bob", "added ~bug label", true),
                note(3, "alice", GitLabOwnNotes.mark("@bob I'm on it! You can track my progress at http://x"), false),
                note(4, "alice", "@openhands add a limit", false)), 4L);

        assertThat(notes).containsExactly(new GitLabPrompt.Note("bob", "The retry loop never ends."),
                new GitLabPrompt.Note("alice", "@bob I'm on it! You can track my progress at http://x"));
    }

    @Test
    void aMergeRequestFromTheSameProjectIsWorkedOnItsSourceBranch() {
        JsonObject same = Json.createObjectBuilder().add("source_branch", "fix/retries").add("source_project_id", 318)
                .add("target_project_id", 318).build();
        JsonObject fork = Json.createObjectBuilder().add("source_branch", "patch-1").add("source_project_id", 999)
                .add("target_project_id", 318).build();

        assertThat(GitLabThreadReads.sourceBranch(same)).isEqualTo("fix/retries");
        assertThat(GitLabThreadReads.sourceBranch(fork)).as("a fork's branch is not in the project").isNull();
        assertThat(GitLabThreadReads.sourceBranch(JsonObject.EMPTY_JSON_OBJECT)).isNull();
    }

    @Test
    void anActiveMembersLevelCountsAndAnAbsentOneIsNull() {
        JsonObject developer = Json.createObjectBuilder().add("access_level", 30).add("state", "active").build();
        JsonObject blocked = Json.createObjectBuilder().add("access_level", 40).add("state", "blocked").build();

        assertThat(GitLabPermissions.level(200, developer)).isEqualTo(30);
        assertThat(GitLabPermissions.level(200, blocked)).isZero();
        assertThat(GitLabPermissions.level(404, null)).isNull();
        assertThat(GitLabPermissions.mayAsk(30)).isTrue();
        assertThat(GitLabPermissions.mayAsk(20)).as("Reporter").isFalse();
    }

    @Test
    void aProjectsGroupsAreItsAncestorsNearestFirst() {
        assertThat(GitLabHookOwners.groupPaths("acme/platform/billing-service")).containsExactly("acme/platform", "acme");
        assertThat(GitLabHookOwners.groupPaths("alice/dotfiles")).containsExactly("alice");
    }

    @Test
    void theProjectsOwnHookComesBeforeItsGroupsDeepestFirst() {
        Instant now = Instant.now();
        GitLabHookInstallation top = new GitLabHookInstallation(ResourceType.GROUP, 1, "acme", "u-top", now);
        GitLabHookInstallation sub = new GitLabHookInstallation(ResourceType.GROUP, 2, "acme/platform", "u-sub", now);
        GitLabHookInstallation project = new GitLabHookInstallation(ResourceType.PROJECT, 318,
                "acme/platform/billing-service", "u-project", now);
        List<GitLabHookInstallation> hooks = new ArrayList<>(List.of(top, project, sub));

        hooks.sort(GitLabHookOwners.nearestFirst());

        assertThat(hooks).extracting(GitLabHookInstallation::getUserId).containsExactly("u-project", "u-sub", "u-top");
    }

    @Test
    void theTargetNamesTheDiscussionAndWhoseTokenPostsAndSurvivesStorage() {
        GitLabAsk note = new GitLabAsk("acme/api", 318, Noteable.MERGE_REQUEST, 23, new Author(1042L, "alice", false),
                88240L, "9a8b7c", "@openhands extract", new Position("a.rb", 42L));
        GitLabTarget target = note.answerTo("user-1");

        assertThat(GitLabTarget.from(target.toJson())).isEqualTo(target);
        assertThat(target.ref()).isEqualTo("acme/api!23");
        assertThat(note.threadKey()).isEqualTo("gitlab:acme/api!23");

        GitLabTarget team = new GitLabAsk("acme/api", 318, Noteable.ISSUE, 17, new Author(877L, "bob", false), null,
                null, null, null).answerTo(null);
        assertThat(GitLabTarget.from(team.toJson())).isEqualTo(team);
        assertThat(team.discussionId()).as("a label opens a discussion").isNull();
        assertThat(team.actingUserId()).as("GITLAB_TOKEN").isNull();
    }

    @Test
    void switchboardsNotesCarryAMarkReadersDoNotSee() {
        String marked = GitLabOwnNotes.mark("@alice I'm done.\n");

        assertThat(GitLabOwnNotes.isOurs(marked)).isTrue();
        assertThat(GitLabOwnNotes.isOurs("@openhands fix it")).isFalse();
        assertThat(GitLabOwnNotes.isOurs(null)).isFalse();
        assertThat(GitLabOwnNotes.unmarked(marked)).isEqualTo("@alice I'm done.");
    }

    @Test
    void theTeamTokenReadsRepositoriesThroughThePrivateTokenHeader() {
        RepositoryAccess linked = GitLabCredentials.repository(GitLabAuth.bearer("gloat-1"), "acme/api", 318);
        RepositoryAccess team = GitLabCredentials.repository(GitLabAuth.privateToken("glpat-1"), "acme/api", 318);

        assertThat(linked.authorization()).isEqualTo("Bearer gloat-1");
        assertThat(team.authorization()).isEqualTo("PRIVATE-TOKEN glpat-1");
        assertThat(team.gitLabProjectId()).isEqualTo(318L);
        assertThat(GitLabAuth.privateToken("glpat-1").toString()).doesNotContain("glpat-1");
    }
}
