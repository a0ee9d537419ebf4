package dev.switchboard.clients.control;

import dev.switchboard.github.control.GitHubApi;
import dev.switchboard.gitlab.control.GitLabApi;
import dev.switchboard.gitlab.control.GitLabFilePathEncoding;
import dev.switchboard.slack.control.SlackApi;
import dev.switchboard.stripe.control.StripeApi;
import jakarta.annotation.PreDestroy;
import dev.switchboard.ratelimits.control.GovernedClients;
import dev.switchboard.ratelimits.control.PlatformCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the platform REST clients on the base URLs and timeouts of the contract's configuration names
 * ({@link ClientBaseUrls}, {@link ClientTimeouts}), so operators set GITHUB_API_URL and never a REST Client
 * key. Configuration is read on every call, as elsewhere in Switchboard, so an {@code asadmin
 * set-config-property} applies without a redeploy; a client is built once per base URL and timeouts and
 * then reused (REST Client proxies are thread-safe). Clients carry no credentials: each call passes its own.
 * Every client handed out runs each operation through {@link PlatformCalls} (retry policy, rate limits,
 * circuit breaker, metrics), so callers only read the final answer.
 */
@ApplicationScoped
public class PlatformClients {

    private static final Logger LOG = Logger.getLogger(PlatformClients.class.getName());

    @Inject
    PlatformCalls calls;

    private final ConcurrentMap<Key, Built<?>> clients = new ConcurrentHashMap<>();

    private record Key(Class<?> api, URI base, ClientTimeouts timeouts) {
    }

    /** The REST client as built, and the same behind the platform's policies, which is what callers get. */
    private record Built<T>(T raw, T governed) {
    }

    public GitHubApi gitHub() {
        return client(GitHubApi.class, ClientPlatform.GITHUB, ClientBaseUrls.from(config()).gitHub());
    }

    /** The client to use for {@code graphql}: on GitHub Enterprise Server it has a base of its own. */
    public GitHubApi gitHubGraphql() {
        return client(GitHubApi.class, ClientPlatform.GITHUB, ClientBaseUrls.from(config()).gitHubGraphql());
    }

    public GitLabApi gitLab() {
        return client(GitLabApi.class, ClientPlatform.GITLAB, ClientBaseUrls.from(config()).gitLab(),
                new GitLabFilePathEncoding());
    }

    public SlackApi slack() {
        return client(SlackApi.class, ClientPlatform.SLACK, ClientBaseUrls.from(config()).slack());
    }

    public StripeApi stripe() {
        return client(StripeApi.class, ClientPlatform.STRIPE, ClientBaseUrls.from(config()).stripe());
    }

    /**
     * A client for any base, e.g. a Jira site ({@code JiraClients} picks the base). A base whose host may not be
     * called ({@link OutboundHosts}) is refused on every use, not only when its client is built.
     */
    public <T> T client(Class<T> api, ClientPlatform platform, URI base, Object... providers) {
        OutboundHosts.from(config()).check(base);
        ClientTimeouts timeouts = ClientTimeouts.of(platform, config());
        return api.cast(clients.computeIfAbsent(new Key(api, base, timeouts), key -> {
            T raw = build(api, base, timeouts, List.of(providers));
            return new Built<>(raw, GovernedClients.wrap(api, raw, platform.platform(), calls));
        }).governed());
    }

    private static <T> T build(Class<T> api, URI base, ClientTimeouts timeouts, List<Object> providers) {
        RestClientBuilder builder = RestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeouts.read().toMillis(), TimeUnit.MILLISECONDS)
                // callers read status and rate-limit headers themselves: no exception for a 4xx/5xx Response
                .property("microprofile.rest.client.disable.default.mapper", true);
        providers.forEach(builder::register);
        return builder.build(api);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(built -> {
            if (built.raw() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "closing a REST client failed", e);
                }
            }
        });
        clients.clear();
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
