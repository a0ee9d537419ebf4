package dev.switchboard.accounts.control;

import java.util.List;

/**
 * What a feature set up at a provider with a user's linked account (GitLab: the hooks Switchboard installed),
 * released when the user unlinks that provider. {@link AccountUnlinking} calls it before the token is revoked,
 * since removing things at the provider needs the token; a failure there is reported, never a reason to keep
 * the user linked.
 */
public interface LinkedResources {

    OAuthProvider provider();

    /** Removes the user's resources at the provider (best effort) and here. Called outside any transaction. */
    Released release(String userId);

    /**
     * @param kind           what was released, e.g. {@code "webhooks"}
     * @param removed        how many were removed at the provider (or were already gone there)
     * @param leftAtProvider the ones the provider did not remove, each with why; forgotten here all the same
     */
    record Released(String kind, int removed, List<String> leftAtProvider) {
    }
}
