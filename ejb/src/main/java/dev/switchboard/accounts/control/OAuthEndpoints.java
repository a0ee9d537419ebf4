package dev.switchboard.accounts.control;

import java.net.URI;
import java.util.Objects;

/**
 * The base URLs of every provider, so that tests point at stubs and GitHub Enterprise Server or GitLab
 * self-managed work by configuration alone. Values are stored without a trailing slash; paths are
 * appended by {@link OAuthProvider}.
 */
public record OAuthEndpoints(
        String githubWebUrl,
        String githubApiUrl,
        String gitlabUrl,
        String bitbucketUrl,
        String bitbucketApiUrl,
        String slackUrl,
        String slackApiUrl,
        String atlassianAuthUrl,
        String atlassianApiUrl) {

    public static final String DEFAULT_GITHUB_WEB_URL = "https://github.com";
    public static final String DEFAULT_GITHUB_API_URL = "https://api.github.com";
    public static final String DEFAULT_GITLAB_URL = "https://gitlab.com";
    public static final String DEFAULT_BITBUCKET_URL = "https://bitbucket.org";
    public static final String DEFAULT_BITBUCKET_API_URL = "https://api.bitbucket.org";
    public static final String DEFAULT_SLACK_URL = "https://slack.com";
    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api";
    public static final String DEFAULT_ATLASSIAN_AUTH_URL = "https://auth.atlassian.com";
    public static final String DEFAULT_ATLASSIAN_API_URL = "https://api.atlassian.com";

    public OAuthEndpoints {
        githubWebUrl = base(githubWebUrl, "githubWebUrl");
        githubApiUrl = base(githubApiUrl, "githubApiUrl");
        gitlabUrl = base(gitlabUrl, "gitlabUrl");
        bitbucketUrl = base(bitbucketUrl, "bitbucketUrl");
        bitbucketApiUrl = base(bitbucketApiUrl, "bitbucketApiUrl");
        slackUrl = base(slackUrl, "slackUrl");
        slackApiUrl = base(slackApiUrl, "slackApiUrl");
        atlassianAuthUrl = base(atlassianAuthUrl, "atlassianAuthUrl");
        atlassianApiUrl = base(atlassianApiUrl, "atlassianApiUrl");
    }

    /** The public cloud services. */
    public static OAuthEndpoints defaults() {
        return new OAuthEndpoints(DEFAULT_GITHUB_WEB_URL, DEFAULT_GITHUB_API_URL, DEFAULT_GITLAB_URL,
                DEFAULT_BITBUCKET_URL, DEFAULT_BITBUCKET_API_URL, DEFAULT_SLACK_URL, DEFAULT_SLACK_API_URL,
                DEFAULT_ATLASSIAN_AUTH_URL, DEFAULT_ATLASSIAN_API_URL);
    }

    /**
     * Atlassian's 3LO token is not bound to one site: the app must ask which sites (cloud ids) the user
     * granted before it can call {@code /ex/jira/{cloudId}/...}.
     */
    public URI atlassianAccessibleResources() {
        return at(atlassianApiUrl, "/oauth/token/accessible-resources");
    }

    static URI at(String base, String path) {
        return URI.create(base + path);
    }

    private static String base(String url, String name) {
        Objects.requireNonNull(url, name);
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        URI uri = URI.create(trimmed);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(name + " is not an http(s) URL: " + trimmed);
        }
        return trimmed;
    }
}
