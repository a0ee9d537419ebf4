package dev.switchboard.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PkceTest {

    /** RFC 7636 Appendix B: the verifier (base64url of the 32 listed octets) and its S256 challenge. */
    private static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void computesTheRfc7636AppendixBChallenge() {
        assertThat(Pkce.challengeOf(RFC_VERIFIER)).isEqualTo(RFC_CHALLENGE);
        assertThat(new Pkce(RFC_VERIFIER, RFC_CHALLENGE).challenge()).isEqualTo(RFC_CHALLENGE);
    }

    @RepeatedTest(5)
    void createsAVerifierOfTheUnreservedSetAndItsChallenge() {
        Pkce pkce = Pkce.create();

        assertThat(pkce.verifier()).hasSize(43).matches("[A-Za-z0-9._~-]+");
        assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(pkce.verifier())).hasSize(43);
        assertThat(Pkce.METHOD).isEqualTo("S256");
    }

    @Test
    void createsADifferentVerifierEachTime() {
        assertThat(Pkce.create().verifier()).isNotEqualTo(Pkce.create().verifier());
    }

    @ParameterizedTest
    @ValueSource(strings = {"too-short", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX+", "dBjftJeZ4CVP mB92K27uhbUJU1p1r_wW1gFWFOEjXk"})
    void rejectsAVerifierOutsideTheRfc(String verifier) {
        assertThatThrownBy(() -> new Pkce(verifier, RFC_CHALLENGE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAVerifierOfMoreThan128Characters() {
        String verifier = "a".repeat(129);

        assertThatThrownBy(() -> new Pkce(verifier, Pkce.challengeOf(verifier)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Pkce("a".repeat(128), Pkce.challengeOf("a".repeat(128))).verifier()).hasSize(128);
    }

    @Test
    void rejectsAChallengeThatDoesNotMatch() {
        assertThatThrownBy(() -> new Pkce(RFC_VERIFIER, RFC_VERIFIER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheVerifierOutOfToString() {
        assertThat(new Pkce(RFC_VERIFIER, RFC_CHALLENGE).toString())
                .doesNotContain(RFC_VERIFIER)
                .contains(RFC_CHALLENGE);
    }
}
