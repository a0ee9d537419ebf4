package dev.switchboard.tokens.control;

/** The stored value is not {@code v1.<keyId>.<base64url(nonce || ciphertext+tag)>}. */
public class MalformedCiphertextException extends TokenDecryptionException {

    public MalformedCiphertextException(String message) {
        super(message);
    }
}
