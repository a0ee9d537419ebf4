package dev.switchboard.jobs.control;

/**
 * The agent server refused a request, answered something unreadable, or did not answer a request it may have
 * received: trying again blindly could start a second conversation, so it is not retried.
 */
public class AgentServerException extends RuntimeException {

    public AgentServerException(String message) {
        super(message);
    }

    public AgentServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
