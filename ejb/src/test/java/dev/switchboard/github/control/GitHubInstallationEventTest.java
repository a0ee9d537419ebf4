package dev.switchboard.github.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.events.control.MalformedEventException;
import org.junit.jupiter.api.Test;

class GitHubInstallationEventTest {

    private static final String CREATED = """
            {"action":"created",
             "installation":{"id":4242,"account":{"login":"acme","id":9,"type":"Organization"},
                             "repository_selection":"selected","app_id":12345,"target_type":"Organization",
                             "permissions":{"issues":"write","pull_requests":"write"},"events":["issue_comment"]},
             "repositories":[{"id":1296269,"name":"api","full_name":"acme/api","private":false}],
             "requester":null,"sender":{"login":"octocat","type":"User"}}
            """;

    @Test
    void anInstallationIsReadWithItsAccountAndSelection() throws Exception {
        GitHubEvent event = GitHubEventParser.parse("installation", CREATED);
        assertThat(event).isEqualTo(new GitHubEvent.InstallationChanged(4242, "created", "acme", "Organization", "selected"));
        assertThat(((GitHubEvent.InstallationChanged) event).removed()).isFalse();
    }

    @Test
    void removalAndRepositoryChangesAreInstallationChangesToo() throws Exception {
        var deleted = (GitHubEvent.InstallationChanged) GitHubEventParser.parse("installation",
                CREATED.replace("\"created\"", "\"deleted\""));
        assertThat(deleted.removed()).isTrue();
        var repos = (GitHubEvent.InstallationChanged) GitHubEventParser.parse("installation_repositories",
                CREATED.replace("\"created\"", "\"added\"").replace("\"repository_selection\":\"selected\",", ""));
        assertThat(repos.action()).isEqualTo("added");
        assertThat(repos.repositorySelection()).isNull();
    }

    @Test
    void anInstallationWithoutItsIdIsMalformed() {
        assertThatThrownBy(() -> GitHubEventParser.parse("installation", CREATED.replace("\"id\":4242,", "")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("installation.id");
    }
}
