package dev.switchboard.microagents.control;

import java.util.Objects;

/**
 * A repository and the credential that reads it: {@code authorization} is the whole header value
 * ({@code "Bearer <token>"}), chosen by the caller (a job uses the installation's or requester's token, the API the
 * signed-in user's); for GitLab's team-mode token it is {@code "PRIVATE-TOKEN <token>"}, sent in that header.
 * {@code fullName} is {@code owner/repo} (GitLab: {@code group/sub/project}); {@code gitLabProjectId} saves a
 * lookup when a webhook already told it. Never printed with its credential.
 */
public record RepositoryAccess(RepositoryPlatform platform, String fullName, Long gitLabProjectId, String authorization) {

    private static final String PRIVATE_TOKEN = "PRIVATE-TOKEN ";

    public RepositoryAccess {
        Objects.requireNonNull(platform);
        if (fullName == null || !fullName.contains("/") || fullName.startsWith("/") || fullName.endsWith("/")) {
            throw new IllegalArgumentException("a repository is named owner/repo");
        }
    }

    public static RepositoryAccess gitHub(String fullName, String token) {
        return new RepositoryAccess(RepositoryPlatform.GITHUB, fullName, null, "Bearer " + token);
    }

    public static RepositoryAccess gitLab(String fullName, Long projectId, String token) {
        return new RepositoryAccess(RepositoryPlatform.GITLAB, fullName, projectId, "Bearer " + token);
    }

    /** GitLab with team mode's GITLAB_TOKEN, which goes in the {@code PRIVATE-TOKEN} header (contract). */
    public static RepositoryAccess gitLabPrivateToken(String fullName, Long projectId, String token) {
        return new RepositoryAccess(RepositoryPlatform.GITLAB, fullName, projectId, PRIVATE_TOKEN + token);
    }

    /** The {@code Authorization} header's value; null when the credential is a GitLab {@code PRIVATE-TOKEN}. */
    String authorizationHeader() {
        return authorization == null || authorization.startsWith(PRIVATE_TOKEN) ? null : authorization;
    }

    /** The {@code PRIVATE-TOKEN} header's value, else null. */
    String privateTokenHeader() {
        return authorization != null && authorization.startsWith(PRIVATE_TOKEN)
                ? authorization.substring(PRIVATE_TOKEN.length()) : null;
    }

    /** The first path segment: the GitHub organization or user, the GitLab top-level group. */
    public String organization() {
        return fullName.substring(0, fullName.indexOf('/'));
    }

    public String owner() {
        return fullName.substring(0, fullName.lastIndexOf('/'));
    }

    public String name() {
        return fullName.substring(fullName.lastIndexOf('/') + 1);
    }

    /** The organization's config repository, read with the same credential. */
    public RepositoryAccess organizationConfig() {
        String repo = platform == RepositoryPlatform.GITHUB ? ".openhands" : "openhands-config";
        return new RepositoryAccess(platform, organization() + "/" + repo, null, authorization);
    }

    @Override
    public String toString() {
        return platform.id() + ":" + fullName;
    }
}
