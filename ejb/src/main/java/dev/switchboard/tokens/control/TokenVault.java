package dev.switchboard.tokens.control;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Encrypts every token and secret before it reaches the database, and decrypts it when it is used.
 * The keys are read from {@code TOKEN_ENCRYPTION_KEYS} on each use (parsed again only when the value
 * changes), so a rotation set through the admin console applies without a redeploy.
 */
@Singleton
@Lock(LockType.READ)
public class TokenVault {

    private volatile Keys keys;

    private record Keys(String configured, KeyRing ring, TokenCipher cipher) {
    }

    /** @param purpose what the value is and where it lives, e.g. "linked_account:42:access_token" */
    public String encrypt(String purpose, String plaintext) {
        return plaintext == null ? null : cipher().encrypt(purpose, plaintext);
    }

    public String decrypt(String purpose, String ciphertext) {
        return ciphertext == null ? null : cipher().decrypt(purpose, ciphertext);
    }

    /** Decrypts with the old key and encrypts with the newest; null stays null. */
    public String reencrypt(String purpose, String ciphertext) {
        if (ciphertext == null || !cipher().needsReencryption(ciphertext)) {
            return ciphertext;
        }
        return cipher().encrypt(purpose, cipher().decrypt(purpose, ciphertext));
    }

    public boolean needsReencryption(String ciphertext) {
        return ciphertext != null && cipher().needsReencryption(ciphertext);
    }

    public String newestKeyId() {
        return keys().ring().newestKeyId();
    }

    private TokenCipher cipher() {
        return keys().cipher();
    }

    private Keys keys() {
        String configured = ConfigProvider.getConfig().getOptionalValue(KeyRing.CONFIG_NAME, String.class)
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new KeyRingConfigurationException(
                        "TOKEN_ENCRYPTION_KEYS is not configured: tokens cannot be stored"));
        Keys current = keys;
        if (current == null || !current.configured().equals(configured)) {
            KeyRing ring = KeyRing.parse(configured);
            current = new Keys(configured, ring, new TokenCipher(ring));
            keys = current;
        }
        return current;
    }
}
