package dev.switchboard.slack.control;

/** Slack had a problem of its own (or answered 5xx): retrying later may work. */
public class SlackTransientException extends SlackApiException {

    public SlackTransientException(String method, String error, int status) {
        super(method, error, status);
    }
}
