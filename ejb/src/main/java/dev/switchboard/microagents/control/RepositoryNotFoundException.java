package dev.switchboard.microagents.control;

/** The repository or ref does not exist, or the credential may not see it (platforms answer 404 for both). */
public class RepositoryNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RepositoryNotFoundException(String message) {
        super(message);
    }
}
