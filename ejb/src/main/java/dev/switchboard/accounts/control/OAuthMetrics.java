package dev.switchboard.accounts.control;

import dev.switchboard.metrics.control.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The OAuth figures operators watch, by provider: linking flows started (attempts) and finished with a linked
 * account (successes) or an error, so the success rate is successes / attempts; and token refreshes done and
 * failed ({@code reason}: {@code relink} when the provider revoked the grant, {@code provider} otherwise).
 */
@ApplicationScoped
public class OAuthMetrics {

    @Inject
    Metrics metrics;

    /** Every series exists from deployment on, at 0: a dashboard's rates start from a known value. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        for (OAuthProvider provider : OAuthProvider.values()) {
            for (String name : new String[] {"switchboard_oauth_attempts_total", "switchboard_oauth_successes_total",
                    "switchboard_oauth_failures_total", "switchboard_token_refreshes_total"}) {
                metrics.declareCounter(name, "provider", provider.id());
            }
            for (String reason : new String[] {"relink", "provider"}) {
                metrics.declareCounter("switchboard_token_refresh_failures_total", "provider", provider.id(), "reason", reason);
            }
        }
    }

    void attempt(OAuthProvider provider) {
        count("switchboard_oauth_attempts_total", provider);
    }

    void linked(OAuthProvider provider) {
        count("switchboard_oauth_successes_total", provider);
    }

    void linkFailed(OAuthProvider provider) {
        count("switchboard_oauth_failures_total", provider);
    }

    void refreshed(OAuthProvider provider) {
        count("switchboard_token_refreshes_total", provider);
    }

    void refreshFailed(OAuthProvider provider, String reason) {
        metrics.count("switchboard_token_refresh_failures_total", "provider", provider.id(), "reason", reason);
    }

    private void count(String name, OAuthProvider provider) {
        metrics.count(name, "provider", provider.id());
    }
}
