package dev.switchboard.accounts.entity;

/** Where a linked account's tokens come from, and so how they are refreshed. */
public enum TokenSource {
    /** Switchboard's own OAuth flow with the provider: the refresh token is the provider's. */
    PROVIDER,
    /**
     * Keycloak's identity broker (the seed's deployment): the refresh token is the user's Keycloak offline
     * token, and a fresh provider token is read from the broker's token endpoint.
     */
    KEYCLOAK
}
