package dev.switchboard.accounts.control;

/** The provider could not be reached or timed out: nothing was decided, the caller may try again later. */
@jakarta.ejb.ApplicationException(rollback = true)
public class ProviderUnavailableException extends RuntimeException {
    public ProviderUnavailableException(String message) {
        super(message);
    }
}
