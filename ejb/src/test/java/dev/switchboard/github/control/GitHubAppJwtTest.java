package dev.switchboard.github.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GitHubAppJwtTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00.750Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String APP_ID = "123456";

    private static KeyPair rsa;
    private static String pkcs1;
    private static String pkcs8;

    @BeforeAll
    static void generateKey() throws Exception {
        rsa = generate("RSA", 2048);
        pkcs1 = pem(rsa.getPrivate());
        pkcs8 = pem(new JcaPKCS8Generator(rsa.getPrivate(), null));
    }

    @Test
    void writesTheTwoPemFlavoursUnderTest() {
        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void mintsAVerifiableRs256JwtFromAPkcs1Key() throws Exception {
        assertValidJwt(GitHubAppJwt.fromPem(APP_ID, pkcs1, CLOCK).mint());
    }

    @Test
    void mintsAVerifiableRs256JwtFromAPkcs8Key() throws Exception {
        assertValidJwt(GitHubAppJwt.fromPem(APP_ID, pkcs8, CLOCK).mint());
    }

    @Test
    void acceptsThePemWithLiteralBackslashNLineBreaks() throws Exception {
        String oneLine = pkcs1.strip().replace("\r\n", "\\n").replace("\n", "\\n");
        assertThat(oneLine).doesNotContain("\n");

        assertValidJwt(GitHubAppJwt.fromPem(APP_ID, oneLine, CLOCK).mint());
    }

    @Test
    void acceptsThePemWithWindowsLineBreaksAndSurroundingSpace() throws Exception {
        assertValidJwt(GitHubAppJwt.fromPem(APP_ID, "\n  " + pkcs8.replace("\n", "\r\n") + "  \n", CLOCK).mint());
    }

    @Test
    void followsTheClock() throws Exception {
        Clock later = Clock.offset(CLOCK, Duration.ofHours(2));

        SignedJWT jwt = SignedJWT.parse(GitHubAppJwt.fromPem(APP_ID, pkcs1, later).mint());

        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant())
                .isEqualTo(Instant.parse("2025-06-01T13:59:00Z"));
    }

    @Test
    void refusesAnotherKeysSignature() throws Exception {
        SignedJWT jwt = SignedJWT.parse(GitHubAppJwt.fromPem(APP_ID, pkcs1, CLOCK).mint());
        RSAPublicKey otherKey = (RSAPublicKey) generate("RSA", 2048).getPublic();

        assertThat(jwt.verify(new RSASSAVerifier(otherKey))).isFalse();
    }

    @Test
    void requiresAnAppId() {
        assertThatThrownBy(() -> GitHubAppJwt.fromPem(" ", pkcs1, CLOCK))
                .isInstanceOf(GitHubAppKeyException.class)
                .hasMessage("GITHUB_APP_ID is not set");
    }

    @Test
    void explainsKeysItCannotUseWithoutQuotingThem() throws Exception {
        String body = pkcs1.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        String truncated = pkcs1.substring(0, pkcs1.length() / 2) + "\n-----END RSA PRIVATE KEY-----\n";
        String publicKey = pem(rsa.getPublic());
        String ec = pem(generate("EC", 256).getPrivate());
        String encrypted = pem(rsa.getPrivate(), "passphrase");
        String weak = pem(generate("RSA", 1024).getPrivate());

        assertRefused(null, "GITHUB_APP_PRIVATE_KEY is not set");
        assertRefused("  ", "GITHUB_APP_PRIVATE_KEY is not set");
        assertRefused(body, "GITHUB_APP_PRIVATE_KEY holds no PEM block");
        assertRefused(truncated, "GITHUB_APP_PRIVATE_KEY is not a readable PEM key");
        assertRefused(publicKey, "GITHUB_APP_PRIVATE_KEY holds no private key");
        assertRefused(ec, "GITHUB_APP_PRIVATE_KEY is not an RSA key; GitHub Apps sign with RSA (RS256)");
        assertRefused(encrypted, "GITHUB_APP_PRIVATE_KEY is encrypted with a passphrase");
        assertRefused(weak, "GITHUB_APP_PRIVATE_KEY cannot sign RS256");

        for (String pem : List.of(body, truncated, ec, encrypted, weak)) {
            assertThatThrownBy(() -> GitHubAppJwt.fromPem(APP_ID, pem, CLOCK))
                    .hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain(body.substring(0, 40))
                            .doesNotContain(body.substring(body.length() / 2, body.length() / 2 + 40))
                            .doesNotContain(middleLine(pem)));
        }
    }

    private static void assertRefused(String pem, String messageStart) {
        assertThatThrownBy(() -> GitHubAppJwt.fromPem(APP_ID, pem, CLOCK))
                .isInstanceOf(GitHubAppKeyException.class)
                .hasMessageStartingWith(messageStart);
    }

    private static void assertValidJwt(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWSVerifier verifier = new RSASSAVerifier((RSAPublicKey) rsa.getPublic());

        assertThat(jwt.verify(verifier)).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(APP_ID);
        assertThat(claims.getClaim("iss")).isInstanceOf(String.class);
        Instant iat = claims.getIssueTime().toInstant();
        Instant exp = claims.getExpirationTime().toInstant();
        assertThat(iat).isEqualTo(Instant.parse("2025-06-01T11:59:00Z")); // now - 60 s, in whole seconds
        assertThat(exp).isEqualTo(Instant.parse("2025-06-01T12:09:00Z")); // now + 9 min
        assertThat(Duration.between(iat, exp)).isLessThanOrEqualTo(Duration.ofSeconds(600));
        assertThat(Duration.between(NOW, exp)).isLessThanOrEqualTo(Duration.ofMinutes(10));
        // exactly the claims GitHub documents, nothing that could leak
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "iat", "exp");
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]))).contains("\"iat\":1748779140");
    }

    private static String middleLine(String pem) {
        List<String> lines = pem.lines().toList();
        return lines.size() > 2 ? lines.get(lines.size() / 2) : pem;
    }

    private static KeyPair generate(String algorithm, int size) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(size);
        return generator.generateKeyPair();
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static String pem(Object object, String passphrase) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object, new JcePEMEncryptorBuilder("AES-256-CBC")
                    // OpenSSL's PEM key derivation exists only in Bouncy Castle's provider: passed, not registered
                    .setProvider(new BouncyCastleProvider())
                    .build(passphrase.toCharArray()));
        }
        return out.toString();
    }
}
