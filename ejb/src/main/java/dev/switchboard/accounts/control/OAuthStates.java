package dev.switchboard.accounts.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The rules of the OAuth {@code state} parameter, which protects account linking against CSRF and
 * login fixation: unguessable, stored only as a hash, single use, short-lived, and accepted only from
 * the provider it was issued for and by the user it was issued to.
 */
public final class OAuthStates {

    /** How long a user has to approve at the provider. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    private OAuthStates() {
    }

    /** A new state value for the authorize redirect: 32 random bytes, base64url without padding. */
    public static String newState() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * What is stored and looked up: the lower-case hex SHA-256 of the state. A database reader cannot
     * replay a live state, and the lookup by hash needs no constant-time comparison.
     */
    public static String hash(String state) {
        Objects.requireNonNull(state, "state");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** When a state issued at {@code issuedAt} stops being accepted. */
    public static Instant expiresAt(Instant issuedAt) {
        return issuedAt.plus(LIFETIME);
    }

    /**
     * Judges a callback. The reasons are checked in a fixed order, so that a replayed state is reported
     * as a replay even once it has also expired.
     *
     * @param stored           the record found by {@link #hash} of the callback's state, or null if none
     * @param callbackProvider the provider in the callback's path
     * @param currentUser      the signed-in user (or browser binding) making the callback, or null
     * @param now              the time of the callback
     */
    public static StateCheck check(OAuthProviderState stored, String callbackProvider, String currentUser,
                                   Instant now) {
        if (stored == null) {
            return StateCheck.UNKNOWN;
        }
        if (stored.used()) {
            return StateCheck.ALREADY_USED;
        }
        if (!stored.provider().equals(callbackProvider)) {
            return StateCheck.OTHER_PROVIDER;
        }
        if (!stored.userId().equals(currentUser)) {
            return StateCheck.OTHER_USER;
        }
        if (!now.isBefore(stored.expiresAt())) {
            return StateCheck.EXPIRED;
        }
        return StateCheck.VALID;
    }

    /**
     * Like {@link #check} but throws for anything but {@link StateCheck#VALID}. Passing does not consume
     * the state: the caller marks it used in the same transaction, with a conditional update
     * ({@code where used = false}) so that two concurrent callbacks cannot both pass.
     */
    public static void requireValid(OAuthProviderState stored, String callbackProvider, String currentUser,
                                    Instant now) {
        StateCheck result = check(stored, callbackProvider, currentUser, now);
        if (result != StateCheck.VALID) {
            throw new InvalidOAuthStateException(result);
        }
    }
}
