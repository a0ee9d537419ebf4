package dev.switchboard.ratelimits.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key under which a token's rate limits are kept: a SHA-256 prefix of the credential, so limits can be
 * shared through the database and shown to operators without the token ever being stored or shown.
 */
public final class TokenKeys {

    /** Calls made without a credential share one key. */
    public static final String ANONYMOUS = "anonymous";

    private TokenKeys() {
    }

    public static String of(String credential) {
        if (credential == null || credential.isBlank()) {
            return ANONYMOUS;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
