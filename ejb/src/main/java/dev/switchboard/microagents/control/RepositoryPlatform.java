package dev.switchboard.microagents.control;

import java.util.Locale;
import java.util.Optional;

/** The platforms whose repositories microagents are read from. */
public enum RepositoryPlatform {
    GITHUB, GITLAB;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RepositoryPlatform> of(String id) {
        for (RepositoryPlatform p : values()) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
