package dev.switchboard.accounts.control;

/** The client id and secret Switchboard was registered with at one provider. */
public record OAuthClient(String id, String secret) {

    public OAuthClient {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("client id is blank");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("client secret is blank");
        }
    }

    /** Never prints the secret: clients end up in log lines and exception messages. */
    @Override
    public String toString() {
        return "OAuthClient[id=" + id + ", secret=***]";
    }
}
