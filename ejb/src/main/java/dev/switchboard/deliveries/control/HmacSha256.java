package dev.switchboard.deliveries.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures as webhook platforms send them (hex), checked in constant time.
 * Every check answers false instead of throwing: a bad signature is never an error, only a rejection.
 */
public final class HmacSha256 {

    private static final HexFormat HEX = HexFormat.of();

    private HmacSha256() {
    }

    /** HMAC-SHA256 of the concatenated parts, keyed with the UTF-8 bytes of the secret. */
    public static byte[] sign(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // a Mac is not thread-safe: one per call
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The signature as lower-case hex, as the platforms write it. */
    public static String signHex(String secret, byte[]... parts) {
        return HEX.formatHex(sign(secret, parts));
    }

    /**
     * Whether {@code receivedHex} (either case) is the signature of the parts; false for a missing secret,
     * malformed hex (odd length, non-hex characters) or a signature of the wrong length.
     */
    public static boolean verifyHex(String secret, String receivedHex, byte[]... parts) {
        if (secret == null || secret.isEmpty() || receivedHex == null) {
            return false;
        }
        byte[] received;
        try {
            received = HEX.parseHex(receivedHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, parts), received);
    }

    /**
     * Checks a header of the form {@code <prefix><hex HMAC-SHA256 of the body>} (GitHub's and Jira's
     * {@code sha256=...}); false when the header is absent or lacks the prefix.
     */
    public static boolean verifyPrefixedHeader(java.util.Optional<String> header, String prefix, String secret,
                                               byte[] body) {
        return header.filter(value -> value.startsWith(prefix))
                .map(value -> verifyHex(secret, value.substring(prefix.length()), body))
                .orElse(false);
    }

    /**
     * Constant-time equality of two secrets. Comparing digests rather than the strings themselves keeps
     * the time independent of the length and the common prefix of what an attacker sent.
     */
    public static boolean equalsConstantTime(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sha256(expected.getBytes(StandardCharsets.UTF_8)),
                sha256(received.getBytes(StandardCharsets.UTF_8)));
    }

    /** Plain SHA-256 as lower-case hex: the dedupe key for platforms that send no delivery id. */
    public static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256(data));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
