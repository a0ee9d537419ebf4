package dev.switchboard.tokens.control;

/**
 * A stored token could not be decrypted: tampered with, copied from another row or column (another
 * purpose), or not in the vault's format. The message never carries plaintext or key material.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class TokenDecryptionException extends RuntimeException {

    public TokenDecryptionException(String message) {
        super(message);
    }

    public TokenDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
