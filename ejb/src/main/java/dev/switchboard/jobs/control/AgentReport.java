package dev.switchboard.jobs.control;

import java.util.Objects;

/**
 * What the agent server says about a conversation: the agent's state and, when it has one, its last message
 * (the summary of a finished job, the question of one awaiting input).
 *
 * @param message null when the agent said nothing
 */
public record AgentReport(AgentState state, String message) {

    public AgentReport {
        Objects.requireNonNull(state);
    }
}
