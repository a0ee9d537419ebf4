package dev.switchboard.jira.control;

/** Jira would not give what a job needs; {@link #status()} says whether trying again can help. */
public class JiraReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public JiraReadException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The issue is gone or the service account may not see it: asking again changes nothing. */
    public boolean isFinal() {
        return status == 401 || status == 403 || status == 404;
    }
}
