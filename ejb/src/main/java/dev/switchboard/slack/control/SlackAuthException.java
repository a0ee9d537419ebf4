package dev.switchboard.slack.control;

/** The bot token is invalid, revoked or expired, or its workspace is gone: relink, do not retry. */
public class SlackAuthException extends SlackApiException {

    public SlackAuthException(String method, String error, int status) {
        super(method, error, status);
    }
}
