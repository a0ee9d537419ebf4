package dev.switchboard.tokens.control;

/**
 * The ciphertext names a key id that TOKEN_ENCRYPTION_KEYS no longer (or never) carried: an operator
 * dropped a key before every token under it was re-encrypted. The id is not secret, so it is named.
 */
public class UnknownKeyException extends TokenDecryptionException {

    private final String keyId;

    public UnknownKeyException(String keyId) {
        super("token was encrypted with key id '" + keyId + "', which is not configured in "
                + "TOKEN_ENCRYPTION_KEYS; add that key back (after the newest) to decrypt it");
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
