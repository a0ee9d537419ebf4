package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Webhook configuration, read on every request so that a change made through the admin console or
 * {@code asadmin set-config-property} applies without a redeploy. Names are in the dotted form; the
 * environment form (GITHUB_WEBHOOK_SECRET) maps onto it through MicroProfile Config.
 */
@ApplicationScoped
public class WebhookSettings {

    private static final Logger LOG = Logger.getLogger(WebhookSettings.class.getName());
    public static final long DEFAULT_MAX_BYTES = 26_214_400L;

    private final Set<Platform> warnedUnconfigured = ConcurrentHashMap.newKeySet();

    public boolean enabled(Platform platform) {
        return config().getOptionalValue(platform.id() + ".webhooks.enabled", Boolean.class).orElse(true);
    }

    public long maxBytes() {
        return config().getOptionalValue("webhook.max.bytes", Long.class).orElse(DEFAULT_MAX_BYTES);
    }

    /** The platform's webhook secret; empty when unset or blank (intake then fails closed). */
    public Optional<String> secret(Platform platform) {
        Optional<String> secret = config().getOptionalValue(secretName(platform), String.class)
                .filter(s -> !s.isBlank());
        if (secret.isEmpty() && warnedUnconfigured.add(platform)) {
            LOG.warning(() -> platform.id() + " webhooks are rejected: " + secretName(platform)
                    + " is not configured");
        }
        if (secret.isPresent()) {
            warnedUnconfigured.remove(platform);
        }
        return secret;
    }

    public boolean configured(Platform platform) {
        return config().getOptionalValue(secretName(platform), String.class).filter(s -> !s.isBlank()).isPresent();
    }

    /** The config name of a platform's secret, in the dotted form of the contract's environment names. */
    public static String secretName(Platform platform) {
        return switch (platform) {
            case SLACK -> "slack.signing.secret";
            default -> platform.id() + ".webhook.secret";
        };
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
