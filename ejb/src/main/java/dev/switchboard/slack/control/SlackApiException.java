package dev.switchboard.slack.control;

import dev.switchboard.ratelimits.control.Failure;
import dev.switchboard.ratelimits.control.RateLimitVerdict;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Slack Web API call answered {@code ok:false} (or a non-2xx status). Carries the method and Slack's error
 * code; the message is built from those two and the status only, never from the request or the body, so
 * no token can reach a log through it. An unknown code is this base type: callers treat it as permanent.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class SlackApiException extends RuntimeException {

    /** The body was not Slack's JSON envelope. */
    public static final String MALFORMED_RESPONSE = "malformed_response";
    /** {@code ok:false} without an {@code error}, or one that is not a Slack code. */
    public static final String UNREADABLE_ERROR = "unreadable_error";

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_.]{1,64}");

    private final String method;
    private final String error;
    private final int status;

    public SlackApiException(String method, String error, int status) {
        super("Slack " + safeMethod(method) + " failed: " + safeCode(error) + " (HTTP " + status + ")");
        this.method = safeMethod(method);
        this.error = safeCode(error);
        this.status = status;
    }

    /** The Web API method, e.g. {@code chat.postMessage}. */
    public String method() {
        return method;
    }

    /** Slack's {@code error} code, or {@code http_<status>} when the status said it all. */
    public String error() {
        return error;
    }

    /** The HTTP status of the answer (200 for most {@code ok:false}). */
    public int status() {
        return status;
    }

    /** The failure as the retry policy sees it. */
    public Failure failure() {
        if (error.startsWith("http_")) {
            return new Failure.HttpStatus(status, RateLimitVerdict.none(), Map.of());
        }
        return new Failure.SlackError(error);
    }

    static String safeCode(String code) {
        return code != null && CODE.matcher(code).matches() && !code.startsWith("xox") ? code : UNREADABLE_ERROR;
    }

    private static String safeMethod(String method) {
        return method != null && METHOD.matcher(method).matches() ? method : "unknown_method";
    }
}
