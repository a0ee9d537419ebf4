package dev.switchboard.microagents.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which agents a message brings in: every repo agent; a knowledge agent when one of its triggers occurs in the
 * message ({@link TriggerMatch}); a task agent when its {@code /name} or a trigger does, with its variables
 * filled from the message and the thread. Each agent is included once, in catalog order.
 */
public final class MicroagentMatcher {

    private MicroagentMatcher() {
    }

    /** @param thread earlier messages of the thread, oldest first (inputs may have been answered there) */
    public static List<MicroagentMatch> match(List<Microagent> agents, String message, List<String> thread) {
        List<MicroagentMatch> matches = new ArrayList<>();
        String folded = message == null ? null : TriggerMatch.fold(message);
        for (Microagent agent : agents) {
            if (agent.type() == MicroagentType.REPO) {
                matches.add(new MicroagentMatch(agent, null, Map.of(), List.of()));
                continue;
            }
            Optional<String> trigger = agent.triggers().stream()
                    .filter(t -> TriggerMatch.occursInFolded(t, folded)).findFirst();
            if (trigger.isEmpty()) {
                continue;
            }
            if (agent.type() == MicroagentType.TASK) {
                matches.add(task(agent, trigger.get(), message, thread));
            } else {
                matches.add(new MicroagentMatch(agent, trigger.get(), Map.of(), List.of()));
            }
        }
        return matches;
    }

    private static MicroagentMatch task(Microagent agent, String trigger, String message, List<String> thread) {
        List<String> names = variablesOf(agent);
        List<String> texts = new ArrayList<>(thread == null ? List.of() : thread);
        texts.add(message);
        Map<String, String> values = TaskVariables.valuesIn(texts, names);
        List<String> missing = names.stream().filter(name -> !values.containsKey(name)).toList();
        return new MicroagentMatch(agent, trigger, values, missing);
    }

    /** The declared inputs first, then any other {@code ${name}} the content uses. */
    static List<String> variablesOf(Microagent agent) {
        List<String> names = new ArrayList<>();
        agent.inputs().forEach(input -> names.add(input.name()));
        TaskVariables.in(agent.content()).stream().filter(name -> !names.contains(name)).forEach(names::add);
        return names;
    }
}
