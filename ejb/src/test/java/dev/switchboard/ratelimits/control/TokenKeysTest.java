package dev.switchboard.ratelimits.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenKeysTest {

    @Test
    void theKeyIsTheFirst96BitsOfTheSha256InHex() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2 test vector)
        assertThat(TokenKeys.of("abc")).isEqualTo("ba7816bf8f01cfea414140de");
    }

    @Test
    void differentTokensGetDifferentKeysAndNoneContainsTheToken() {
        String token = "Bearer xoxb-1234-5678-abcdefghijkl";
        assertThat(TokenKeys.of(token)).hasSize(24).doesNotContain("xoxb").isNotEqualTo(TokenKeys.of(token + "x"));
        assertThat(TokenKeys.of(token)).isEqualTo(TokenKeys.of(token));
    }

    @Test
    void callsWithoutACredentialShareOneKey() {
        assertThat(TokenKeys.of(null)).isEqualTo(TokenKeys.ANONYMOUS);
        assertThat(TokenKeys.of("  ")).isEqualTo(TokenKeys.ANONYMOUS);
    }
}
