package dev.switchboard.microagents.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents that apply to one repository: the sources merged in precedence order (shipped, organization,
 * repository), a later source's agent replacing an earlier one of the same name, plus every load error.
 */
public record MicroagentCatalog(List<Microagent> agents, List<MicroagentLoadError> errors) {

    public MicroagentCatalog {
        agents = List.copyOf(agents);
        errors = List.copyOf(errors);
    }

    public static MicroagentCatalog merge(List<LoadedSource> sources) {
        Map<String, Microagent> byName = new LinkedHashMap<>();
        List<MicroagentLoadError> errors = new ArrayList<>();
        sources.stream().sorted(Comparator.comparing(LoadedSource::source)).forEach(source -> {
            source.agents().forEach(agent -> byName.put(agent.name(), agent));
            errors.addAll(source.errors());
        });
        List<Microagent> agents = new ArrayList<>(byName.values());
        agents.sort(Comparator.comparing(Microagent::name));
        return new MicroagentCatalog(agents, errors);
    }
}
