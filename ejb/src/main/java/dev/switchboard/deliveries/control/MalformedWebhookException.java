package dev.switchboard.deliveries.control;

/** The body (or a header it depends on) is not what the platform sends: answered with 400. */
public class MalformedWebhookException extends Exception {
    public MalformedWebhookException(String message) {
        super(message);
    }

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
