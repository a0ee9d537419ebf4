package dev.switchboard.microagents.control;

import java.util.List;

/**
 * The text handed to the agent as {@code conversation_instructions}: one section per included agent, repo agents
 * first, then knowledge and tasks; a task's variables substituted, and when some are missing, a request to ask the
 * user for exactly those (by name and description) before doing anything else.
 */
public final class InstructionsText {

    private InstructionsText() {
    }

    public static String of(List<MicroagentMatch> matches) {
        StringBuilder text = new StringBuilder();
        for (MicroagentType type : List.of(MicroagentType.REPO, MicroagentType.KNOWLEDGE, MicroagentType.TASK)) {
            for (MicroagentMatch match : matches) {
                if (match.agent().type() == type) {
                    section(text, match);
                }
            }
        }
        return text.toString().strip();
    }

    private static void section(StringBuilder text, MicroagentMatch match) {
        Microagent agent = match.agent();
        if (text.length() > 0) {
            text.append("\n\n");
        }
        switch (agent.type()) {
            case REPO:
                text.append("## Repository instructions (").append(agent.name()).append(")\n\n").append(agent.content());
                break;
            case KNOWLEDGE:
                text.append("## Knowledge: ").append(agent.name()).append(" (the message mentions \"")
                        .append(match.trigger()).append("\")\n\n").append(agent.content());
                break;
            default:
                text.append("## Task: ").append(agent.name()).append("\n\n")
                        .append(TaskVariables.substitute(agent.content(), match.values()));
                if (!match.missing().isEmpty()) {
                    text.append("\n\n").append(askFor(agent, match.missing()));
                }
        }
    }

    private static String askFor(Microagent agent, List<String> missing) {
        StringBuilder ask = new StringBuilder("Before doing anything else, ask the user for the values this task still needs"
                + " (they can answer with name=value):");
        for (String name : missing) {
            ask.append("\n- ").append(name);
            agent.inputs().stream().filter(input -> input.name().equals(name) && input.description() != null)
                    .findFirst().ifPresent(input -> ask.append(": ").append(input.description()));
        }
        return ask.toString();
    }
}
