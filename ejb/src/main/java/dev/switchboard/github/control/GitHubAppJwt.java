package dev.switchboard.github.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

/**
 * Mints the JWT with which the GitHub App authenticates as itself (to list installations and to ask
 * for installation tokens): RS256 over {@code iss} = the app id, {@code iat} and {@code exp}.
 * Thread-safe; mint one per use or cache it for a few minutes.
 */
public final class GitHubAppJwt {

    /** GitHub advises backdating {@code iat} by 60 s against clock drift between us and GitHub. */
    static final Duration BACKDATE = Duration.ofSeconds(60);

    /** GitHub refuses an {@code exp} more than 10 minutes ahead; 9 leaves room for its clock being slow. */
    static final Duration LIFETIME = Duration.ofMinutes(9);

    private final String appId;
    private final RSASSASigner signer;
    private final Clock clock;

    public GitHubAppJwt(String appId, RSAPrivateKey privateKey, Clock clock) {
        if (appId == null || appId.isBlank()) {
            throw new GitHubAppKeyException("GITHUB_APP_ID is not set");
        }
        this.appId = appId.strip();
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.signer = new RSASSASigner(Objects.requireNonNull(privateKey, "privateKey"));
        } catch (IllegalArgumentException e) {
            // Nimbus refuses RSA keys under 2048 bits; its message states only the size
            throw new GitHubAppKeyException("GITHUB_APP_PRIVATE_KEY cannot sign RS256: " + e.getMessage());
        }
    }

    /** From the configured GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY (PEM, see {@link GitHubAppPrivateKey}). */
    public static GitHubAppJwt fromPem(String appId, String privateKeyPem, Clock clock) {
        return new GitHubAppJwt(appId, GitHubAppPrivateKey.parse(privateKeyPem), clock);
    }

    /** A freshly signed JWT in compact form, valid from a minute ago until nine minutes from now. */
    public String mint() {
        // JWT times are whole seconds: truncating first keeps exp - iat exactly BACKDATE + LIFETIME
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(appId)
                .issueTime(Date.from(now.minus(BACKDATE)))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the GitHub App JWT with RS256", e);
        }
        return jwt.serialize();
    }
}
