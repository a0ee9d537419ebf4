package dev.switchboard.microagents.control;

/**
 * A file that could not be loaded, with where the problem is ({@code line} is 1-based, 0 when it concerns the
 * whole file). Reported next to the agents that did load: one bad file never hides the others.
 */
public record MicroagentLoadError(MicroagentSource source, String file, int line, String message) {

    /** {@code ".openhands/microagents/x.md, line 3: ..."}. */
    public String describe() {
        return file + (line > 0 ? ", line " + line : "") + ": " + message;
    }
}
