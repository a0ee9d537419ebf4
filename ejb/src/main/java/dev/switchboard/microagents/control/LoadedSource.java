package dev.switchboard.microagents.control;

import java.util.List;

/** What one source yielded: the agents that loaded and the files that did not. */
public record LoadedSource(MicroagentSource source, List<Microagent> agents, List<MicroagentLoadError> errors) {

    public LoadedSource {
        agents = List.copyOf(agents);
        errors = List.copyOf(errors);
    }

    public static LoadedSource empty(MicroagentSource source) {
        return new LoadedSource(source, List.of(), List.of());
    }
}
