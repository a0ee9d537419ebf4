package dev.switchboard.accounts.control;

/** The verdict on a callback's {@code state}; only {@link #VALID} lets the code be exchanged. */
public enum StateCheck {
    VALID("valid"),
    UNKNOWN("the state is unknown"),
    ALREADY_USED("the state was already used"),
    OTHER_PROVIDER("the state was issued for another provider"),
    OTHER_USER("the state was issued to another user"),
    EXPIRED("the state has expired");

    private final String description;

    StateCheck(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
