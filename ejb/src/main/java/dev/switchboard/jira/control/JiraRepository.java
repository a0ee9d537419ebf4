package dev.switchboard.jira.control;

import java.util.Locale;
import java.util.Objects;

/**
 * A repository a Jira job may run on: where it lives ({@code github}, {@code gitlab}, {@code bitbucket}: the agent
 * server's {@code git_provider}) and its full name ({@code owner/repo}; GitLab {@code group/sub/project}).
 */
public record JiraRepository(String provider, String fullName) {

    public JiraRepository {
        Objects.requireNonNull(provider);
        Objects.requireNonNull(fullName);
        if (!fullName.contains("/") || fullName.startsWith("/") || fullName.endsWith("/")) {
            throw new IllegalArgumentException("a repository is named owner/repo: " + fullName);
        }
    }

    /**
     * An entry of {@code JIRA_DEFAULT_REPOSITORIES}: {@code owner/repo} (GitHub), or with its provider first,
     * {@code gitlab:group/project}.
     */
    public static JiraRepository parse(String entry) {
        String text = entry.strip();
        int colon = text.indexOf(':');
        if (colon > 0) {
            return new JiraRepository(text.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    text.substring(colon + 1).strip());
        }
        return new JiraRepository("github", text);
    }

    /** The last path segment: what people call the repository in passing ("the api repo"). */
    public String name() {
        return fullName.substring(fullName.lastIndexOf('/') + 1);
    }

    /** Repository names are compared without case, as GitHub and GitLab resolve them. */
    boolean named(String candidate) {
        return fullName.equalsIgnoreCase(candidate);
    }
}
