package dev.switchboard.gitlab.control;

import dev.switchboard.accounts.control.AccessTokens;
import dev.switchboard.accounts.control.OAuthProvider;
import dev.switchboard.microagents.control.RepositoryAccess;
import dev.switchboard.microagents.control.RepositoryPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whose token acts on GitLab. GitLab has no bot account per application, so, as in the reference, a job acts with
 * the requester's own linked token (refreshed when due by {@link AccessTokens}); team mode's GITLAB_TOKEN, a bot or
 * service token, stands in where no user's token does. Read per call, so a rotated GITLAB_TOKEN applies at once.
 */
@ApplicationScoped
public class GitLabCredentials {

    @Inject
    AccessTokens tokens;

    /** @param actingUserId the Switchboard user whose linked token acts; null for GITLAB_TOKEN */
    public GitLabAuth of(String actingUserId) {
        if (actingUserId == null) {
            return GitLabAuth.privateToken(teamToken().orElseThrow(() -> new IllegalStateException(
                    "GITLAB_TOKEN is not configured, and the post was to be made with it")));
        }
        return GitLabAuth.bearer(tokens.current(actingUserId, OAuthProvider.GITLAB));
    }

    public Optional<String> teamToken() {
        return ConfigProvider.getConfig().getOptionalValue("gitlab.token", String.class).filter(t -> !t.isBlank());
    }

    /** The project for the microagent reads, with the same credential. */
    public static RepositoryAccess repository(GitLabAuth auth, String project, long projectId) {
        return auth.authorization() != null
                ? new RepositoryAccess(RepositoryPlatform.GITLAB, project, projectId, auth.authorization())
                : RepositoryAccess.gitLabPrivateToken(project, projectId, auth.privateToken());
    }
}
