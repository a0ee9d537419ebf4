package dev.switchboard.clients.control;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The base URI of each platform's API, from the contract's configuration names (the dotted form of the
 * environment names): {@code github.api.url} (GITHUB_API_URL), {@code gitlab.url} (GITLAB_URL, the API being
 * that URL plus {@code /api/v4}), {@code jira.url} (JIRA_URL), {@code slack.api.url} (SLACK_API_URL) and
 * {@code stripe.api.url} (STRIPE_API_URL). Blank values count as unset; trailing slashes are dropped so that
 * the interfaces' absolute paths append cleanly.
 * <p>
 * The same names also feed the REST Client's own keys ({@code github/mp-rest/url} and so on, see the
 * defaults in the config module's {@code microprofile-config.properties}) for anyone injecting a client with
 * {@code @RestClient}; Switchboard itself builds clients through {@link PlatformClients}.
 */
public final class ClientBaseUrls {

    public static final String DEFAULT_GITHUB_API_URL = "https://api.github.com";
    public static final String DEFAULT_GITLAB_URL = "https://gitlab.com";
    public static final String DEFAULT_JIRA_URL = "https://api.atlassian.com";
    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api";
    public static final String DEFAULT_STRIPE_API_URL = "https://api.stripe.com";

    private final Function<String, Optional<String>> settings;

    private ClientBaseUrls(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    public static ClientBaseUrls from(Config config) {
        return new ClientBaseUrls(name -> config.getOptionalValue(name, String.class));
    }

    public static ClientBaseUrls from(Map<String, String> settings) {
        Objects.requireNonNull(settings);
        return new ClientBaseUrls(name -> Optional.ofNullable(settings.get(name)));
    }

    public URI gitHub() {
        return uri(value("github.api.url", DEFAULT_GITHUB_API_URL));
    }

    /**
     * The base under which {@code GitHubApi.graphql} ({@code /graphql}) is GitHub's GraphQL endpoint: the REST
     * base on github.com ({@code https://api.github.com/graphql}), but {@code https://HOST/api} on GitHub
     * Enterprise Server, whose REST API is {@code /api/v3} and whose GraphQL API is {@code /api/graphql}.
     */
    public URI gitHubGraphql() {
        String rest = value("github.api.url", DEFAULT_GITHUB_API_URL);
        return uri(rest.endsWith("/api/v3") ? rest.substring(0, rest.length() - "/v3".length()) : rest);
    }

    /** GitLab's REST API v4: the instance URL (gitlab.com or self-managed) plus {@code /api/v4}. */
    public URI gitLab() {
        return uri(value("gitlab.url", DEFAULT_GITLAB_URL) + "/api/v4");
    }

    public URI slack() {
        return uri(value("slack.api.url", DEFAULT_SLACK_API_URL));
    }

    /** Stripe's host; the API version ({@code /v1}) is part of each operation's path. */
    public URI stripe() {
        return uri(value("stripe.api.url", DEFAULT_STRIPE_API_URL));
    }

    /** Jira Cloud's API gateway for a site: {@code JIRA_URL/ex/jira/{cloudId}}. */
    public URI jiraCloud(String cloudId) {
        if (cloudId == null || cloudId.isBlank() || !cloudId.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not a Jira cloud id: " + cloudId);
        }
        return uri(value("jira.url", DEFAULT_JIRA_URL) + "/ex/jira/" + cloudId);
    }

    /** A Jira Data Center site, whose REST API hangs directly off its base URL. */
    public static URI jiraDataCenter(String siteUrl) {
        return uri(strip(siteUrl));
    }

    private String value(String name, String fallback) {
        return settings.apply(name).map(ClientBaseUrls::strip).filter(s -> !s.isEmpty()).orElse(fallback);
    }

    private static String strip(String value) {
        String text = value == null ? "" : value.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static URI uri(String text) {
        URI uri = URI.create(text);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + text);
        }
        return uri;
    }
}
