package dev.switchboard.stripe.control;

import jakarta.ejb.ApplicationException;

/**
 * Billing state could not be brought up to date this time (Stripe answered an error, or a concurrent
 * delivery inserted the same row first). The delivery's transaction rolls back and the delivery machinery
 * retries it; the message names the call and status, never the key.
 */
@ApplicationException(rollback = true)
public class StripeSyncException extends RuntimeException {

    public StripeSyncException(String message) {
        super(message, null, false, false);
    }
}
