package dev.switchboard.accounts.control;

import jakarta.ejb.ApplicationException;

/**
 * The provider no longer accepts the account's refresh token: the user has to link it again. Does not
 * roll back, so that the account's NEEDS_RELINK mark is committed with the answer.
 */
@ApplicationException(rollback = false)
public class RelinkRequiredException extends RuntimeException {

    private final String provider;

    public RelinkRequiredException(String provider, String message) {
        super(message, null, false, false);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
