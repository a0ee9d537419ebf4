package dev.switchboard.deliveries.control;

import static dev.switchboard.deliveries.control.TestWebhooks.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HmacSha256Test {

    /** From GitHub's "Validating webhook deliveries". */
    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final String GITHUB_HEX = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void signsGitHubsDocumentedExample() {
        assertThat(HmacSha256.signHex(GITHUB_SECRET, bytes("Hello, World!"))).isEqualTo(GITHUB_HEX);
    }

    @Test
    void signsTheConcatenationOfItsParts() {
        assertThat(HmacSha256.signHex(GITHUB_SECRET, bytes("Hello, "), bytes("World!"))).isEqualTo(GITHUB_HEX);
    }

    @Test
    void signsRfc4231TestCase2() {
        assertThat(HmacSha256.signHex("Jefe", bytes("what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesHexInEitherCase() {
        assertThat(HmacSha256.verifyHex(GITHUB_SECRET, GITHUB_HEX, bytes("Hello, World!"))).isTrue();
        assertThat(HmacSha256.verifyHex(GITHUB_SECRET, GITHUB_HEX.toUpperCase(), bytes("Hello, World!"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", // empty
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1", // odd length
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e", // one byte short
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1700", // one byte long
            "zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", // not hex
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18", // last bit off
            " 757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", // padded
    })
    void rejectsMalformedOrWrongHex(String hex) {
        assertThat(HmacSha256.verifyHex(GITHUB_SECRET, hex, bytes("Hello, World!"))).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "")
    void rejectsAMissingSecretInsteadOfThrowing(String secret) {
        assertThat(HmacSha256.verifyHex(secret, GITHUB_HEX, bytes("Hello, World!"))).isFalse();
    }

    @Test
    void comparesSecretsExactly() {
        assertThat(HmacSha256.equalsConstantTime("s3cr3t-token", "s3cr3t-token")).isTrue();
        assertThat(HmacSha256.equalsConstantTime("s3cr3t-token", "s3cr3t-tokeN")).isFalse();
        assertThat(HmacSha256.equalsConstantTime("s3cr3t-token", "s3cr3t-token ")).isFalse();
        assertThat(HmacSha256.equalsConstantTime("s3cr3t-token", "s3cr3t")).isFalse();
        assertThat(HmacSha256.equalsConstantTime("s3cr3t-token", "")).isFalse();
        assertThat(HmacSha256.equalsConstantTime("s3cr3t-token", null)).isFalse();
    }

    @Test
    void hashesWithSha256() {
        assertThat(HmacSha256.sha256Hex(bytes("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
