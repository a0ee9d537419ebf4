package dev.switchboard.deliveries.control;

import java.util.Objects;

/** What a manager made of a delivery: work done ({@code processed}) or nothing to do, with the reason. */
public record Outcome(boolean processed, String text) {

    public Outcome {
        Objects.requireNonNull(text);
    }

    public static Outcome processed(String what) {
        return new Outcome(true, what);
    }

    public static Outcome ignored(String reason) {
        return new Outcome(false, reason);
    }
}
