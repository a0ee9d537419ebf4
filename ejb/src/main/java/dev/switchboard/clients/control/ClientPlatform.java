package dev.switchboard.clients.control;

import dev.switchboard.deliveries.entity.Platform;
import java.util.Locale;

/** The platforms Switchboard calls; the lower-case name is the prefix of their client settings. */
public enum ClientPlatform {
    GITHUB, GITLAB, JIRA, SLACK, STRIPE;

    public Platform platform() {
        return Platform.valueOf(name());
    }

    public String configPrefix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
