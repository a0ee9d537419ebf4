package dev.switchboard.jobs.control;

/**
 * The agent server could not be reached or its gateway said it is unavailable (502, 503, 504): the request
 * was not processed, so it may be tried again. The only failure {@link AgentServer} retries.
 */
public class AgentServerUnavailableException extends RuntimeException {

    public AgentServerUnavailableException(String message) {
        super(message);
    }

    public AgentServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
