package dev.switchboard.gitlab.control;

/**
 * The credential headers of one GitLab call: a linked user's OAuth token as {@code Authorization: Bearer}, or team
 * mode's GITLAB_TOKEN as {@code PRIVATE-TOKEN} (contract). Exactly one is set; {@link GitLabApi} takes both and the
 * REST Client leaves the null one out. Never printed.
 */
public record GitLabAuth(String authorization, String privateToken) {

    public static GitLabAuth bearer(String token) {
        return new GitLabAuth("Bearer " + token, null);
    }

    public static GitLabAuth privateToken(String token) {
        return new GitLabAuth(null, token);
    }

    @Override
    public String toString() {
        return authorization != null ? "GitLabAuth[bearer]" : "GitLabAuth[private-token]";
    }
}
