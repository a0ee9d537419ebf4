package dev.switchboard.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Mints MicroProfile JWTs with the key pair provision.sh generated for the test domain. */
public final class AdminTokens {

    public static final String ISSUER = "switchboard-dev";

    private AdminTokens() {
    }

    public static String admin() {
        return token(ISSUER, List.of("admin"), Instant.now().plusSeconds(600));
    }

    /** A signed-in user's token: any subject, no admin group. */
    public static String user(String subject) {
        return token(ISSUER, subject, List.of("users"), Instant.now().plusSeconds(600));
    }

    public static String token(String issuer, List<String> groups, Instant expires) {
        return token(issuer, "it-operator", groups, expires);
    }

    public static String token(String issuer, String subject, List<String> groups, Instant expires) {
        try {
            Path pem = Path.of(System.getProperty("switchboard.keys"), "jwt-private.pem");
            PrivateKey key = privateKey(Files.readString(pem));
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .claim("upn", subject)
                    .claim("groups", groups)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(new Date())
                    .expirationTime(Date.from(expires))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (IOException | JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An admin token signed with a key pair of its own, not the one Switchboard trusts. */
    public static String foreignKeyAdmin() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    adminClaims());
            jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
            return jwt.serialize();
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An admin token that says it needs no signature ({@code alg: none}), with none. */
    public static String unsignedAdmin() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + url.encodeToString(adminClaims().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + ".";
    }

    private static JWTClaimsSet adminClaims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("it-operator").claim("upn", "it-operator")
                .claim("groups", List.of("admin")).jwtID(UUID.randomUUID().toString()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
    }

    /** openssl genpkey writes PKCS#8 PEM, which the JDK reads once the armour is off. */
    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
