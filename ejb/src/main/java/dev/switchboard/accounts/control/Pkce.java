package dev.switchboard.accounts.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An RFC 7636 PKCE pair with the S256 method: the verifier stays on the server with the state, the
 * challenge goes to the provider in the authorize redirect, and the verifier goes with the code exchange.
 *
 * @param verifier  43 to 128 characters of the unreserved set; secret until the code is exchanged
 * @param challenge BASE64URL-NOPAD(SHA-256(ASCII(verifier)))
 */
public record Pkce(String verifier, String challenge) {

    /** The {@code code_challenge_method} to send: plain is never used. */
    public static final String METHOD = "S256";

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public Pkce {
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            throw new IllegalArgumentException("a PKCE verifier is 43 to 128 of A-Z a-z 0-9 - . _ ~");
        }
        if (!challengeOf(verifier).equals(challenge)) {
            throw new IllegalArgumentException("the PKCE challenge is not the S256 of the verifier");
        }
    }

    /** A fresh pair: 32 random bytes (RFC 7636's recommendation) give a 43-character verifier. */
    public static Pkce create() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String verifier = BASE64URL.encodeToString(random);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** The pair for a verifier kept with the state, on the callback. */
    public static Pkce of(String verifier) {
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** The S256 challenge of a verifier. */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Leaves the verifier out: it proves possession of the code and must not reach a log. */
    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + ", method=" + METHOD + "]";
    }
}
