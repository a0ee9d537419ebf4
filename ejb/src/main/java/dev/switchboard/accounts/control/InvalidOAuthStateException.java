package dev.switchboard.accounts.control;

/**
 * A callback's {@code state} was refused: the linking attempt stops before the code is exchanged. The
 * message names the reason but never the state value, which is a bearer secret while it is live.
 */
public class InvalidOAuthStateException extends RuntimeException {

    private final StateCheck reason;

    public InvalidOAuthStateException(StateCheck reason) {
        super("OAuth callback refused: " + reason.description());
        this.reason = reason;
    }

    public StateCheck reason() {
        return reason;
    }
}
