package dev.switchboard.events.control;

/**
 * A stored payload lacks a field its event type requires (or is not JSON at all). Managers let it
 * propagate: the delivery is retried and finally marked DEAD, where an operator can look at it.
 */
public class MalformedEventException extends Exception {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
