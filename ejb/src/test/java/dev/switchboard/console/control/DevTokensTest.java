package dev.switchboard.console.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevTokensTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final KeyPair KEYS = keys();

    private final DevTokens tokens = new DevTokens(KEYS.getPrivate(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anAdminTokenCarriesTheDevIssuerTheUserAndTheAdminGroupForHalfAnHour() throws Exception {
        DevTokens.Minted minted = tokens.mint("alice", true);
        SignedJWT jwt = SignedJWT.parse(minted.token());
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) KEYS.getPublic()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("switchboard-dev");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("upn")).isEqualTo("alice");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("groups")).isEqualTo(List.of("admin"));
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(1800));
        assertThat(minted.expiresAt()).isEqualTo(NOW.plusSeconds(1800));
    }

    @Test
    void aUserTokenHasNoAdminGroup() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.mint("bob", false).token());
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("groups")).isEqualTo(List.of("users"));
    }

    @Test
    void userNamesThatAreNotPlainNamesAreRefused() {
        for (String bad : new String[] {null, "", "-x", "a b", "<script>", "x".repeat(65)}) {
            assertThatThrownBy(() -> tokens.mint(bad, true)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(tokens.mint("it.user-1@example.com", false).token()).isNotBlank();
    }

    @Test
    void theKeyIsReadFromTheOpensslPem() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThat(DevTokens.privateKey(pem).getEncoded()).isEqualTo(KEYS.getPrivate().getEncoded());
        assertThatThrownBy(() -> DevTokens.privateKey("not a key")).isInstanceOf(IllegalStateException.class);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
