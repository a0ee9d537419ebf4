package dev.switchboard.accounts.control;

import java.time.Instant;

/**
 * What was stored when an authorize redirect was issued, looked up by the hash of the callback's
 * {@code state}.
 *
 * @param provider  the provider the redirect went to
 * @param userId    the Switchboard user (or browser binding) that asked to link
 * @param expiresAt when the state stops being accepted (see {@link OAuthStates#LIFETIME})
 * @param used      whether a callback has already consumed it
 */
public record OAuthProviderState(String provider, String userId, Instant expiresAt, boolean used) {
}
