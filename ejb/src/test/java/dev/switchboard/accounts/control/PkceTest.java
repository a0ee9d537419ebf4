package dev.switchboard.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void s256ChallengeOfRfc7636AppendixB() {
        Pkce pkce = Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void generatedVerifiersAreLongEnoughAndDiffer() {
        Pkce first = Pkce.generate();
        Pkce second = Pkce.generate();

        assertThat(first.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(first.verifier()).isNotEqualTo(second.verifier());
        assertThat(Pkce.of(first.verifier()).challenge()).isEqualTo(first.challenge());
        assertThat(first.toString()).doesNotContain(first.verifier());
    }

    @Test
    void aShortVerifierIsRefused() {
        assertThatThrownBy(() -> Pkce.of("too-short")).isInstanceOf(IllegalArgumentException.class);
    }
}
