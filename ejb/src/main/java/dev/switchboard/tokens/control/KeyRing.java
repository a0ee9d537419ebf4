package dev.switchboard.tokens.control;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token encryption keys, newest first, as configured in TOKEN_ENCRYPTION_KEYS
 * ({@value #CONFIG_NAME}): {@code <keyId>:<base64 32-byte key>[,<keyId>:<base64 key>...]}.
 * The first key encrypts; every key decrypts, so rotation is prepending a new entry and dropping an old
 * one only once nothing is stored under it.
 */
public final class KeyRing {

    /** The MicroProfile Config name; TOKEN_ENCRYPTION_KEYS in environment-variable form. */
    public static final String CONFIG_NAME = "token.encryption.keys";

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int KEY_BYTES = 32; // AES-256
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys; // insertion order: newest first
    private final String newestKeyId;

    private KeyRing(Map<String, SecretKey> keys) {
        this.keys = keys;
        this.newestKeyId = keys.keySet().iterator().next();
    }

    /**
     * Parses the configured value. Blank entries (a trailing comma, a line break in an env file) are
     * skipped; anything else that is not a valid entry fails the whole ring rather than dropping a key.
     */
    public static KeyRing parse(String config) {
        if (config == null || config.isBlank()) {
            throw new KeyRingConfigurationException("TOKEN_ENCRYPTION_KEYS is not set: it must list at least "
                    + "one <keyId>:<base64 32-byte key> entry");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = config.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (!entry.isEmpty()) {
                addEntry(keys, i + 1, entry);
            }
        }
        if (keys.isEmpty()) {
            throw new KeyRingConfigurationException("TOKEN_ENCRYPTION_KEYS lists no keys: it must list at least "
                    + "one <keyId>:<base64 32-byte key> entry");
        }
        return new KeyRing(keys);
    }

    private static void addEntry(Map<String, SecretKey> keys, int position, String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw invalid(position, null, "is not of the form <keyId>:<base64 32-byte key>");
        }
        String id = entry.substring(0, colon).strip();
        if (!KEY_ID.matcher(id).matches()) {
            // the text before the colon is not repeated: it may be part of a mis-pasted key
            throw invalid(position, null, "has an invalid key id (1 to 32 of A-Z a-z 0-9 _ -)");
        }
        if (keys.containsKey(id)) {
            throw invalid(position, id, "repeats a key id; every key id must be unique");
        }
        byte[] key = decodeKey(position, id, entry.substring(colon + 1).strip());
        for (Map.Entry<String, SecretKey> other : keys.entrySet()) {
            if (MessageDigest.isEqual(other.getValue().getEncoded(), key)) {
                // a rotation that prepended a new id but copied the old key would rotate nothing
                throw invalid(position, id, "carries the same key as '" + other.getKey() + "'");
            }
        }
        keys.put(id, new SecretKeySpec(key, "AES"));
    }

    private static byte[] decodeKey(int position, String id, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException standardFailed) {
            try {
                key = Base64.getUrlDecoder().decode(base64);
            } catch (IllegalArgumentException urlFailed) {
                // the decoder's own message quotes the offending character of the key: not passed on
                throw invalid(position, id, "has a key that is not valid base64");
            }
        }
        if (key.length != KEY_BYTES) {
            throw invalid(position, id, "has a key of " + key.length + " bytes; AES-256 needs exactly "
                    + KEY_BYTES + " (generate one with: openssl rand -base64 32)");
        }
        return key;
    }

    private static KeyRingConfigurationException invalid(int position, String id, String problem) {
        String which = id == null ? "entry " + position : "entry " + position + " ('" + id + "')";
        return new KeyRingConfigurationException("TOKEN_ENCRYPTION_KEYS " + which + " " + problem);
    }

    /**
     * A new entry for TOKEN_ENCRYPTION_KEYS, {@code <keyId>:<base64 of 32 random bytes>}, for operators and
     * tooling: prepend it to the current value to rotate.
     */
    public static String generateKeyEntry(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 32 of A-Z a-z 0-9 _ -");
        }
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return keyId + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that encrypts: the first configured. */
    public String newestKeyId() {
        return newestKeyId;
    }

    /** Every configured key id, newest first. */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    SecretKey newestKey() {
        return keys.get(newestKeyId);
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Names the key ids only, so that logging a ring never logs a key. */
    @Override
    public String toString() {
        return "KeyRing" + keys.keySet();
    }
}
