package dev.switchboard.deliveries.entity;

import java.util.Locale;
import java.util.Optional;

/** The platforms Switchboard takes webhooks from. Its lower-case name appears in paths and config names. */
public enum Platform {
    GITHUB, GITLAB, JIRA, SLACK, STRIPE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> fromId(String id) {
        for (Platform p : values()) {
            if (p.id().equalsIgnoreCase(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
