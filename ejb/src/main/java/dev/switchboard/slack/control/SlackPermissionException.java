package dev.switchboard.slack.control;

/** The bot may not do this here: not in the channel, a missing scope, an archived channel. */
public class SlackPermissionException extends SlackApiException {

    public SlackPermissionException(String method, String error, int status) {
        super(method, error, status);
    }
}
