package dev.switchboard.microagents.control;

/** A microagent file that breaks the format; {@code line} is 1-based within the file, 0 for the whole file. */
public class MicroagentFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public MicroagentFormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
