package dev.switchboard.clients.control;

import java.util.Locale;

/** The platforms Switchboard calls; the lower-case name is the prefix of their client settings. */
public enum ClientPlatform {
    GITHUB, GITLAB, JIRA, SLACK, STRIPE;

    public String configPrefix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
