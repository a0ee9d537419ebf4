package dev.switchboard.jobs.control;

/** The agent server answered that it no longer has the conversation (or no longer runs it): nothing was sent. */
public class ConversationGoneException extends AgentServerException {

    public ConversationGoneException(String message) {
        super(message);
    }
}
