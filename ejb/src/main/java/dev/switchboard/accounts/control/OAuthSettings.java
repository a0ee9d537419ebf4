package dev.switchboard.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * OAuth configuration through MicroProfile Config, read on every call so that a change made with
 * {@code asadmin set-config-property} applies without a redeploy. Names are the dotted form of the
 * contract's environment names ({@code GITLAB_URL} is {@code gitlab.url}).
 */
@ApplicationScoped
public class OAuthSettings {

    public OAuthEndpoints endpoints() {
        return new OAuthEndpoints(
                value("github.web.url", OAuthEndpoints.DEFAULT_GITHUB_WEB_URL),
                value("github.api.url", OAuthEndpoints.DEFAULT_GITHUB_API_URL),
                value("gitlab.url", OAuthEndpoints.DEFAULT_GITLAB_URL),
                value("bitbucket.url", OAuthEndpoints.DEFAULT_BITBUCKET_URL),
                value("bitbucket.api.url", OAuthEndpoints.DEFAULT_BITBUCKET_API_URL),
                value("slack.url", OAuthEndpoints.DEFAULT_SLACK_URL),
                value("slack.api.url", OAuthEndpoints.DEFAULT_SLACK_API_URL),
                value("atlassian.auth.url", OAuthEndpoints.DEFAULT_ATLASSIAN_AUTH_URL),
                value("atlassian.api.url", OAuthEndpoints.DEFAULT_ATLASSIAN_API_URL));
    }

    /** The provider's client; empty when its id or secret is unset or blank (linking is then off). */
    public Optional<OAuthClient> client(OAuthProvider provider) {
        Optional<String> id = text(provider.clientIdProperty());
        Optional<String> secret = text(provider.clientSecretProperty());
        return id.isPresent() && secret.isPresent() ? Optional.of(new OAuthClient(id.get(), secret.get()))
                : Optional.empty();
    }

    public boolean configured(OAuthProvider provider) {
        return client(provider).isPresent();
    }

    private static String value(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    private static Optional<String> text(String name) {
        return config().getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
