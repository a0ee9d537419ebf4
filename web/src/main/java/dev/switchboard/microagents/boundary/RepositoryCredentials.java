package dev.switchboard.microagents.boundary;

import dev.switchboard.accounts.control.AccessTokens;
import dev.switchboard.accounts.control.OAuthProvider;
import dev.switchboard.microagents.control.RepositoryAccess;
import dev.switchboard.microagents.control.RepositoryPlatform;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

/**
 * Whose token reads a repository for the API: the signed-in user's own linked GitHub or GitLab account. The answer
 * then shows exactly what that user may see, and the API can never be used to peek into a repository through the
 * GitHub App's installation.
 */
@RequestScoped
class RepositoryCredentials {

    @Inject
    AccessTokens accessTokens;

    RepositoryAccess forUser(String userId, String providerId, String repository, Long gitLabProjectId) {
        RepositoryPlatform platform = RepositoryPlatform.of(providerId)
                .orElseThrow(() -> new NotFoundException("microagents are read from github or gitlab repositories"));
        if (repository == null || !repository.matches("[^/\\s]+(/[^/\\s]+)+")
                || (platform == RepositoryPlatform.GITHUB && repository.chars().filter(c -> c == '/').count() != 1)) {
            throw new BadRequestException("repository must be owner/repo (GitLab: group/…/project)");
        }
        if (platform == RepositoryPlatform.GITHUB) {
            return RepositoryAccess.gitHub(repository, accessTokens.current(userId, OAuthProvider.GITHUB));
        }
        return RepositoryAccess.gitLab(repository, gitLabProjectId, accessTokens.current(userId, OAuthProvider.GITLAB));
    }
}
