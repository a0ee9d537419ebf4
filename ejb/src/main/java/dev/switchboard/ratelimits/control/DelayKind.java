package dev.switchboard.ratelimits.control;

/** How the delay grows from one retry to the next; {@code n} is the retry's number, 1 for the first. */
public enum DelayKind {
    /** base × 2^(n−1) */
    EXPONENTIAL,
    /** base, every time */
    FIXED,
    /** base × n */
    LINEAR
}
