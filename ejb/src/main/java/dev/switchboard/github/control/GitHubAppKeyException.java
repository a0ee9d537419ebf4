package dev.switchboard.github.control;

/**
 * GITHUB_APP_PRIVATE_KEY (or GITHUB_APP_ID) cannot be used to sign the GitHub App's JWT. The message
 * says what is wrong with the key but never quotes it, and underlying parser errors are not chained
 * because their messages may echo parts of the PEM.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class GitHubAppKeyException extends RuntimeException {

    public GitHubAppKeyException(String message) {
        super(message);
    }
}
