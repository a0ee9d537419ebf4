package dev.switchboard.accounts.entity;

/** Whether a linked account's tokens still work. Tokens are never deleted behind the user's back. */
public enum LinkStatus {
    /** Tokens work (or can be refreshed). */
    ACTIVE,
    /** The provider refused the refresh token: the user must link again; the row and its history stay. */
    NEEDS_RELINK
}
