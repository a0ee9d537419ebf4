package dev.switchboard.slack.control;

/** The channel, message, user or thread does not exist (or the bot cannot see it). */
public class SlackNotFoundException extends SlackApiException {

    public SlackNotFoundException(String method, String error, int status) {
        super(method, error, status);
    }
}
