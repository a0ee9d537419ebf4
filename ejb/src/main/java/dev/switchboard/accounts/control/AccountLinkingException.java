package dev.switchboard.accounts.control;

/**
 * Linking could not be done, for a reason the user or operator can act on. The status is the HTTP
 * answer; the message is safe to show (no code, token or secret in it).
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class AccountLinkingException extends RuntimeException {

    private final int status;

    public AccountLinkingException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
