package dev.switchboard.tokens.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString(KeyRingTest.bytes(32, 0x11));
    private static final String K2 = Base64.getEncoder().encodeToString(KeyRingTest.bytes(32, 0x22));
    private static final String PURPOSE = "linked_account:42:access_token";
    private static final String TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";

    private final TokenCipher k1Only = new TokenCipher(KeyRing.parse("k1:" + K1));
    private final TokenCipher rotated = new TokenCipher(KeyRing.parse("k2:" + K2 + ",k1:" + K1));

    @Test
    void roundTrips() {
        String stored = k1Only.encrypt(PURPOSE, TOKEN);

        assertThat(stored).startsWith("v1.k1.").doesNotContain(TOKEN);
        assertThat(k1Only.decrypt(PURPOSE, stored)).isEqualTo(TOKEN);
    }

    @Test
    void roundTripsEmptyAndNonAsciiText() {
        assertThat(k1Only.decrypt(PURPOSE, k1Only.encrypt(PURPOSE, ""))).isEmpty();
        assertThat(k1Only.decrypt(PURPOSE, k1Only.encrypt(PURPOSE, "jeton-é-🔑"))).isEqualTo("jeton-é-🔑");
    }

    @Test
    void writesTheDocumentedFormat() {
        String stored = k1Only.encrypt(PURPOSE, TOKEN);
        String[] parts = stored.split("\\.");

        assertThat(parts).hasSize(3);
        assertThat(parts[2]).matches("[A-Za-z0-9_-]+"); // base64url without padding
        // 12-byte nonce + ciphertext as long as the UTF-8 plaintext + 16-byte tag
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(12 + TOKEN.length() + 16);
    }

    @Test
    void twoEncryptionsOfTheSameTextDiffer() {
        String first = k1Only.encrypt(PURPOSE, TOKEN);
        String second = k1Only.encrypt(PURPOSE, TOKEN);

        assertThat(first).isNotEqualTo(second);
        assertThat(nonce(first)).isNotEqualTo(nonce(second));
    }

    @Test
    void detectsAFlippedCiphertextByte() {
        String tampered = flipBodyByte(k1Only.encrypt(PURPOSE, TOKEN), 12 + 3);

        assertFailsAuthentication(() -> k1Only.decrypt(PURPOSE, tampered));
    }

    @Test
    void detectsAFlippedTagByte() {
        String stored = k1Only.encrypt(PURPOSE, TOKEN);
        String tampered = flipBodyByte(stored, body(stored).length - 1);

        assertFailsAuthentication(() -> k1Only.decrypt(PURPOSE, tampered));
    }

    @Test
    void detectsAFlippedNonceByte() {
        String tampered = flipBodyByte(k1Only.encrypt(PURPOSE, TOKEN), 0);

        assertFailsAuthentication(() -> k1Only.decrypt(PURPOSE, tampered));
    }

    @Test
    void detectsAChangedKeyId() {
        String underK1 = k1Only.encrypt(PURPOSE, TOKEN);
        String relabelled = underK1.replaceFirst("^v1\\.k1\\.", "v1.k2.");

        assertFailsAuthentication(() -> rotated.decrypt(PURPOSE, relabelled));
    }

    @Test
    void failsForAnotherPurpose() {
        String stored = k1Only.encrypt(PURPOSE, TOKEN);

        assertFailsAuthentication(() -> k1Only.decrypt("linked_account:43:access_token", stored));
        assertFailsAuthentication(() -> k1Only.decrypt("linked_account:42:refresh_token", stored));
    }

    @Test
    void requiresAPurpose() {
        assertThatThrownBy(() -> k1Only.encrypt("", TOKEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> k1Only.encrypt(null, TOKEN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decryptsWhatAnOlderKeyEncryptedAfterRotation() {
        String underK1 = k1Only.encrypt(PURPOSE, TOKEN);

        assertThat(rotated.decrypt(PURPOSE, underK1)).isEqualTo(TOKEN);
        assertThat(rotated.keyIdOf(underK1)).isEqualTo("k1");
        assertThat(rotated.needsReencryption(underK1)).isTrue();
    }

    @Test
    void encryptsWithTheNewestKeyAfterRotation() {
        String underK2 = rotated.encrypt(PURPOSE, TOKEN);

        assertThat(rotated.keyIdOf(underK2)).isEqualTo("k2");
        assertThat(rotated.needsReencryption(underK2)).isFalse();
        assertThat(rotated.decrypt(PURPOSE, rotated.encrypt(PURPOSE, rotated.decrypt(PURPOSE, underK2))))
                .isEqualTo(TOKEN);
    }

    @Test
    void namesAKeyIdThatIsNotConfigured() {
        String underK2 = rotated.encrypt(PURPOSE, TOKEN);

        assertThatThrownBy(() -> k1Only.decrypt(PURPOSE, underK2))
                .isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("key id 'k2'")
                .hasMessageContaining("not configured in TOKEN_ENCRYPTION_KEYS")
                .satisfies(e -> assertThat(((UnknownKeyException) e).keyId()).isEqualTo("k2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "gho_plaintext", "v1.k1", "v2.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1.k1.AAAA.AAAA", "v1..AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1.k/1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v1.k1.not*base64url",
            "v1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", // padded
            "v1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", // non-canonical last character
            "v1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 27 bytes: shorter than nonce + tag
    })
    void rejectsMalformedText(String stored) {
        assertThatThrownBy(() -> k1Only.decrypt(PURPOSE, stored))
                .isInstanceOf(MalformedCiphertextException.class)
                .isInstanceOf(TokenDecryptionException.class)
                .hasMessageStartingWith("stored token");
    }

    @Test
    void rejectsNullAsMalformed() {
        assertThatThrownBy(() -> k1Only.decrypt(PURPOSE, null)).isInstanceOf(MalformedCiphertextException.class);
        assertThatThrownBy(() -> k1Only.needsReencryption(null)).isInstanceOf(MalformedCiphertextException.class);
    }

    @Test
    void messagesNeverCarryPlaintextOrKeys() {
        String stored = rotated.encrypt(PURPOSE, TOKEN);
        List<ThrowingCallable> failures = List.of(
                () -> rotated.decrypt("other:purpose", stored),
                () -> rotated.decrypt(PURPOSE, flipBodyByte(stored, 20)),
                () -> k1Only.decrypt(PURPOSE, stored),
                () -> k1Only.decrypt(PURPOSE, TOKEN),
                () -> KeyRing.parse("k1:" + K1 + ",k1:" + K2),
                () -> KeyRing.parse("k1:" + K1.substring(4)),
                () -> KeyRing.parse(K1 + ":" + K2),
                () -> KeyRing.parse("k1:" + K1 + "," + K2));
        for (ThrowingCallable failure : failures) {
            assertThatThrownBy(failure).satisfies(e -> {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage()))
                            .doesNotContain(TOKEN)
                            .doesNotContain(K1).doesNotContain(K1.substring(0, 12))
                            .doesNotContain(K2).doesNotContain(K2.substring(0, 12))
                            .doesNotContain(stored.substring(6));
                }
            });
        }
    }

    private static void assertFailsAuthentication(ThrowingCallable decryption) {
        assertThatThrownBy(decryption)
                .isExactlyInstanceOf(TokenDecryptionException.class)
                .hasMessageContaining("failed authentication")
                .message().doesNotContain(TOKEN);
    }

    private static byte[] body(String stored) {
        return Base64.getUrlDecoder().decode(stored.substring(stored.lastIndexOf('.') + 1));
    }

    private static byte[] nonce(String stored) {
        return java.util.Arrays.copyOf(body(stored), 12);
    }

    private static String flipBodyByte(String stored, int index) {
        return withBody(stored, body -> {
            body[index] ^= 0x01;
            return body;
        });
    }

    private static String withBody(String stored, UnaryOperator<byte[]> change) {
        String prefix = stored.substring(0, stored.lastIndexOf('.') + 1);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(change.apply(body(stored)));
    }
}
