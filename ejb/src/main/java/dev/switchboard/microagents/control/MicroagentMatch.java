package dev.switchboard.microagents.control;

import java.util.List;
import java.util.Map;

/**
 * An agent included in a job's instructions: why ({@code trigger} is null for a repo agent, always included) and,
 * for a task, the values found for its variables and the ones still missing.
 */
public record MicroagentMatch(Microagent agent, String trigger, Map<String, String> values, List<String> missing) {

    public MicroagentMatch {
        values = Map.copyOf(values);
        missing = List.copyOf(missing);
    }
}
