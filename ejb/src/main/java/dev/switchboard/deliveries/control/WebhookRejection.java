package dev.switchboard.deliveries.control;

/**
 * A webhook request refused before anything was stored. The reason fixes the HTTP status (contract,
 * "Inbound webhooks"); the message goes into the JSON error body and never names a secret or says
 * which part of a signature failed.
 */
public class WebhookRejection extends RuntimeException {

    public enum Reason {
        DISABLED(503), TOO_LARGE(413), NOT_AUTHENTIC(403), MALFORMED(400), UNAVAILABLE(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public WebhookRejection(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
