package dev.switchboard.accounts.control;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A provider refused a grant (RFC 6749 {@code error}, Slack {@code ok:false}, an {@code ?error=} on the
 * callback) or answered something that cannot be read. The message names the provider, the error code,
 * the HTTP status and the provider's description, never a body, token, code or secret: the description
 * is provider text, so anything in it that looks like a credential is blanked out as well.
 */
public class OAuthProviderException extends Exception {

    /** The body was empty, not JSON/form data, or lacked a field the flow needs. */
    public static final String MALFORMED_RESPONSE = "malformed_response";
    /** A non-2xx status without a readable OAuth error (a proxy's HTML page, a 502). */
    public static final String UNEXPECTED_STATUS = "unexpected_status";

    /**
     * Codes that mean the code or refresh token will never work again: the user has to link again, so
     * retrying is pointless. GitHub and Slack use their own names for RFC 6749's invalid_grant.
     */
    private static final Set<String> INVALID_GRANT_CODES = Set.of("invalid_grant", "bad_refresh_token",
            "bad_verification_code", "invalid_refresh_token", "invalid_code");

    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    // Well-known token prefixes (GitHub, GitLab, Slack), then any long run that contains a digit: JWTs,
    // opaque tokens and secrets are long and mixed; words in a sentence are neither.
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?:gh[opsur]_|github_pat_|glpat-|gloas-|glrt-|xox[a-z]?[.-])[A-Za-z0-9._-]*"
                    + "|(?=[A-Za-z0-9._~+/=-]*[0-9])[A-Za-z0-9._~+/=-]{24,}");
    private static final int MAX_DESCRIPTION = 300;

    private final OAuthProvider provider;
    private final String error;
    private final int status;
    private final String description;

    private OAuthProviderException(OAuthProvider provider, String error, int status, String description) {
        super(message(provider, error, status, description));
        this.provider = Objects.requireNonNull(provider, "provider");
        this.error = error;
        this.status = status;
        this.description = description;
    }

    /** The provider answered with an OAuth error code. */
    public static OAuthProviderException rejected(OAuthProvider provider, int status, String error,
            String description) {
        if (error == null || !ERROR_CODE.matcher(error).matches()) {
            return malformed(provider, status, "an error response without a readable error code");
        }
        return new OAuthProviderException(provider, error, status, sanitize(description));
    }

    /** The user was sent back to the callback with {@code ?error=} (e.g. {@code access_denied}). */
    public static OAuthProviderException fromCallback(OAuthProvider provider, String error, String description) {
        return rejected(provider, 0, error, description);
    }

    /** @param what a description of the fault written by us, never containing response content */
    public static OAuthProviderException malformed(OAuthProvider provider, int status, String what) {
        return new OAuthProviderException(provider, MALFORMED_RESPONSE, status, what);
    }

    public static OAuthProviderException unexpectedStatus(OAuthProvider provider, int status) {
        return new OAuthProviderException(provider, UNEXPECTED_STATUS, status, "no OAuth error in the response");
    }

    public OAuthProvider provider() {
        return provider;
    }

    /** The provider's error code, or {@link #MALFORMED_RESPONSE} / {@link #UNEXPECTED_STATUS}. */
    public String error() {
        return error;
    }

    /** The HTTP status, or 0 when the error came back on the callback. */
    public int status() {
        return status;
    }

    /** The provider's description with credentials blanked out; may be null. */
    public String description() {
        return description;
    }

    /** True when the code or refresh token is no longer good and the user must authorize again. */
    public boolean isInvalidGrant() {
        return INVALID_GRANT_CODES.contains(error);
    }

    private static String message(OAuthProvider provider, String error, int status, String description) {
        StringBuilder message = new StringBuilder(provider.id()).append(": ").append(error);
        if (status > 0) {
            message.append(" (HTTP ").append(status).append(')');
        }
        if (description != null && !description.isBlank()) {
            message.append(": ").append(description);
        }
        return message.toString();
    }

    private static String sanitize(String description) {
        if (description == null) {
            return null;
        }
        String clean = CREDENTIAL.matcher(description.replaceAll("\\p{Cntrl}", " ")).replaceAll("[redacted]");
        return clean.length() <= MAX_DESCRIPTION ? clean : clean.substring(0, MAX_DESCRIPTION) + "...";
    }
}
