package dev.switchboard.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The OAuth figures operators watch, by provider: linking flows started (attempts) and finished with a linked
 * account (successes) or an error, so the success rate is successes / attempts; and token refreshes done and
 * failed ({@code reason}: {@code relink} when the provider revoked the grant, {@code provider} otherwise).
 */
@ApplicationScoped
public class OAuthMetrics {

    @Inject
    MetricRegistry registry;

    /** Every series exists from deployment on, at 0: a dashboard's rates start from a known value. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        for (OAuthProvider provider : OAuthProvider.values()) {
            for (String name : new String[] {"switchboard_oauth_attempts_total", "switchboard_oauth_successes_total",
                    "switchboard_oauth_failures_total", "switchboard_token_refreshes_total"}) {
                registry.counter(name, tag(provider));
            }
            for (String reason : new String[] {"relink", "provider"}) {
                registry.counter("switchboard_token_refresh_failures_total", tag(provider), new Tag("reason", reason));
            }
        }
    }

    void attempt(OAuthProvider provider) {
        registry.counter("switchboard_oauth_attempts_total", tag(provider)).inc();
    }

    void linked(OAuthProvider provider) {
        registry.counter("switchboard_oauth_successes_total", tag(provider)).inc();
    }

    void linkFailed(OAuthProvider provider) {
        registry.counter("switchboard_oauth_failures_total", tag(provider)).inc();
    }

    void refreshed(OAuthProvider provider) {
        registry.counter("switchboard_token_refreshes_total", tag(provider)).inc();
    }

    void refreshFailed(OAuthProvider provider, String reason) {
        registry.counter("switchboard_token_refresh_failures_total", tag(provider), new Tag("reason", reason)).inc();
    }

    private static Tag tag(OAuthProvider provider) {
        return new Tag("provider", provider.id());
    }
}
