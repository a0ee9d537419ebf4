package dev.switchboard.tokens.control;

/**
 * TOKEN_ENCRYPTION_KEYS is missing or invalid. The message names the entry by position (and by key id
 * when the id itself is valid) but never repeats a key or an entry, which may be a pasted key.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class KeyRingConfigurationException extends RuntimeException {

    public KeyRingConfigurationException(String message) {
        super(message);
    }
}
