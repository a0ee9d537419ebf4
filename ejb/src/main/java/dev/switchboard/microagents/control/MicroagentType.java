package dev.switchboard.microagents.control;

import java.util.Locale;
import java.util.Optional;

/** What a microagent is for: always included (repo), included on a trigger (knowledge), or a task run by {@code /name}. */
public enum MicroagentType {
    KNOWLEDGE, REPO, TASK;

    /** The front matter's spelling. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<MicroagentType> of(String id) {
        for (MicroagentType type : values()) {
            if (type.id().equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
