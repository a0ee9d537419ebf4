package dev.switchboard.tokens.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts OAuth tokens for storage with AES-256-GCM under the {@link KeyRing}'s newest key.
 *
 * <p>Stored form: {@code v1.<keyId>.<base64url-no-padding(nonce || ciphertext+tag)>}, a 12-byte random
 * nonce and a 128-bit tag. The caller's {@code purpose} (e.g. {@code linked_account:42:access_token}) is
 * the GCM additional authenticated data: it is not stored, so a ciphertext copied to another row or
 * column fails authentication instead of decrypting as somebody else's token.
 *
 * <p>Thread-safe: a {@link Cipher} is created per call.
 */
public final class TokenCipher {

    private static final String VERSION = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final KeyRing keys;

    public TokenCipher(KeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The stored form of {@code plaintext}, bound to {@code purpose}; two calls never give the same text. */
    public String encrypt(String purpose, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.newestKey(), nonce, purpose,
                plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] body = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, body, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, body, NONCE_BYTES, sealed.length);
        return VERSION + "." + keys.newestKeyId() + "." + BASE64URL.encodeToString(body);
    }

    /**
     * The plaintext of a stored token.
     *
     * @throws UnknownKeyException the key it names is not configured
     * @throws MalformedCiphertextException it is not in the stored form
     * @throws TokenDecryptionException it was tampered with or stored for another purpose
     */
    public String decrypt(String purpose, String ciphertext) {
        Parsed parsed = parse(ciphertext);
        SecretKey key = keys.key(parsed.keyId()).orElseThrow(() -> new UnknownKeyException(parsed.keyId()));
        byte[] nonce = Arrays.copyOfRange(parsed.body(), 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(parsed.body(), NONCE_BYTES, parsed.body().length);
        try {
            return new String(run(Cipher.DECRYPT_MODE, key, nonce, purpose, sealed), StandardCharsets.UTF_8);
        } catch (AuthenticationFailed e) {
            throw new TokenDecryptionException("token under key '" + parsed.keyId() + "' failed authentication "
                    + "for purpose '" + purpose + "': it was altered, or stored for another purpose", e.getCause());
        }
    }

    /** The id of the key a stored token is encrypted with. */
    public String keyIdOf(String ciphertext) {
        return parse(ciphertext).keyId();
    }

    /** Whether a stored token is under an older key than the newest, and should be encrypted again. */
    public boolean needsReencryption(String ciphertext) {
        return !keys.newestKeyId().equals(keyIdOf(ciphertext));
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, String purpose, byte[] input) {
        if (purpose == null || purpose.isEmpty()) {
            // an empty purpose would bind nothing and let ciphertexts move between rows
            throw new IllegalArgumentException("a token's purpose (its row and column) is required");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailed(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is not available", e);
        }
    }

    private static Parsed parse(String ciphertext) {
        if (ciphertext == null) {
            throw new MalformedCiphertextException("no stored token to decrypt (null)");
        }
        String[] parts = ciphertext.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new MalformedCiphertextException("stored token is not of the form v1.<keyId>.<base64url data>");
        }
        if (!KeyRing.KEY_ID.matcher(parts[1]).matches()) {
            throw new MalformedCiphertextException("stored token has an invalid key id");
        }
        byte[] body;
        try {
            body = BASE64URL_DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new MalformedCiphertextException("stored token's data is not base64url");
        }
        // only the canonical encoding is accepted, so that one ciphertext has exactly one text
        if (!BASE64URL.encodeToString(body).equals(parts[2])) {
            throw new MalformedCiphertextException("stored token's data is not unpadded canonical base64url");
        }
        if (body.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new MalformedCiphertextException("stored token's data is too short to hold a nonce and a tag");
        }
        return new Parsed(parts[1], body);
    }

    private record Parsed(String keyId, byte[] body) {
    }

    /** Carries a tag mismatch out of {@link #run} so that only decryption turns it into an error. */
    private static final class AuthenticationFailed extends RuntimeException {
        AuthenticationFailed(AEADBadTagException cause) {
            super(cause);
        }
    }
}
