package dev.switchboard.microagents.control;

/** A value a task agent asks for: the {@code ${name}} in its content, and what to tell the user about it. */
public record MicroagentInput(String name, String description) {
}
