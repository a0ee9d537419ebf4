package dev.switchboard.deliveries.control;

import jakarta.ejb.ApplicationException;

/** An attempt to process a delivery failed; its transaction is rolled back and the attempt retried. */
@ApplicationException(rollback = true)
public class DeliveryFailure extends RuntimeException {
    public DeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** A one-line account of a failure for the delivery's last error: the exception chain's messages. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 1500; t = t.getCause()) {
            if (t instanceof DeliveryFailure || t.getCause() == t) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.isEmpty() ? failure.toString() : text.toString();
    }
}
