package dev.switchboard.microagents.control;

import java.util.List;
import java.util.Map;

/**
 * One loaded microagent. {@code file} is where it was read (relative to its repository or folder); {@code metadata}
 * is the whole front matter as written, unknown keys included, so nothing a newer format adds is lost.
 * A task agent's triggers include its {@code /name}.
 */
public record Microagent(String name, MicroagentType type, MicroagentSource source, String file, String content,
        List<String> triggers, List<MicroagentInput> inputs, String version, String agent,
        Map<String, Object> metadata) {

    public Microagent {
        triggers = List.copyOf(triggers);
        inputs = List.copyOf(inputs);
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** The command that runs a task agent. */
    public String command() {
        return "/" + name;
    }
}
