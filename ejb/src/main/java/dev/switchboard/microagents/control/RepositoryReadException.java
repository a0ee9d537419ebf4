package dev.switchboard.microagents.control;

/**
 * The platform refused or failed a read that loading cannot do without ({@code status} as the platform answered:
 * 401/403 when the credential may not read the repository). The message never carries the credential.
 */
public class RepositoryReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RepositoryReadException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
