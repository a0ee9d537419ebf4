package dev.switchboard.console.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Signs MicroProfile JWTs of the dev issuer: {@code sub} and {@code upn} the chosen user name, {@code groups}
 * {@code admin} or {@code users}, valid for {@link #LIFETIME}. The same claims {@code ./run.sh token} writes.
 */
public final class DevTokens {

    public static final String ISSUER = "switchboard-dev";
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    /** Names a person would type; nothing that could be mistaken for another issuer's subject or carry markup. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final RSASSASigner signer;
    private final Clock clock;

    public DevTokens(PrivateKey key, Clock clock) {
        this.signer = new RSASSASigner(key);
        this.clock = clock;
    }

    public record Minted(String token, Instant expiresAt) {
    }

    /** IllegalArgumentException for a user name that is not 1–64 letters, digits, '.', '_', '@' or '-'. */
    public Minted mint(String user, boolean admin) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException(
                    "user must be 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user)
                .claim("upn", user)
                .claim("preferred_username", user)
                .claim("groups", List.of(admin ? "admin" : "users"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a dev token with RS256", e);
        }
        return new Minted(jwt.serialize(), expires);
    }

    /** The key {@code jwt-keys.sh} writes: {@code openssl genpkey}'s PKCS#8 PEM, which the JDK reads once unarmoured. */
    public static PrivateKey privateKey(String pem) {
        try {
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the dev sign-in key is not an unencrypted PKCS#8 RSA PEM key", e);
        }
    }
}
