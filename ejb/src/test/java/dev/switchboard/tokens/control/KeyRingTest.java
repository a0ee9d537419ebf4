package dev.switchboard.tokens.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRingTest {

    private static final String K1 = Base64.getEncoder().encodeToString(bytes(32, 1));
    private static final String K2 = Base64.getEncoder().encodeToString(bytes(32, 2));

    @Test
    void theFirstEntryIsTheNewest() {
        KeyRing ring = KeyRing.parse("k2:" + K2 + ",k1:" + K1);

        assertThat(ring.newestKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactly("k2", "k1");
    }

    @Test
    void toleratesSpacesAndBlankEntriesAroundTheEntries() {
        KeyRing ring = KeyRing.parse(" k2 : " + K2 + " ,\n k1:" + K1 + ",\n");

        assertThat(ring.keyIds()).containsExactly("k2", "k1");
    }

    @Test
    void acceptsUrlSafeBase64Keys() {
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32, 0xfb));

        assertThat(KeyRing.parse("k1:" + urlSafe).keyIds()).containsExactly("k1");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", ",", " , \n"})
    void rejectsAnEmptyList(String config) {
        assertThatThrownBy(() -> KeyRing.parse(config))
                .isInstanceOf(KeyRingConfigurationException.class)
                .hasMessageContaining("TOKEN_ENCRYPTION_KEYS")
                .hasMessageContaining("at least one");
    }

    @Test
    void rejectsBadBase64WithoutQuotingTheKey() {
        String bad = "k1:" + K1.substring(0, 20) + "*!" + K1.substring(22);

        assertThatThrownBy(() -> KeyRing.parse(bad))
                .isInstanceOf(KeyRingConfigurationException.class)
                .hasMessage("TOKEN_ENCRYPTION_KEYS entry 1 ('k1') has a key that is not valid base64")
                .hasNoCause();
    }

    @Test
    void rejectsAKeyOfTheWrongLength() {
        String aes128 = Base64.getEncoder().encodeToString(bytes(16, 7));

        assertThatThrownBy(() -> KeyRing.parse("k2:" + K2 + ",k1:" + aes128))
                .isInstanceOf(KeyRingConfigurationException.class)
                .hasMessageStartingWith("TOKEN_ENCRYPTION_KEYS entry 2 ('k1') has a key of 16 bytes; "
                        + "AES-256 needs exactly 32")
                .message().doesNotContain(aes128).doesNotContain(K2);
    }

    @Test
    void rejectsADuplicateKeyId() {
        assertThatThrownBy(() -> KeyRing.parse("k1:" + K2 + ",k1:" + K1))
                .isInstanceOf(KeyRingConfigurationException.class)
                .hasMessage("TOKEN_ENCRYPTION_KEYS entry 2 ('k1') repeats a key id; every key id must be unique");
    }

    @Test
    void rejectsTheSameKeyUnderTwoIds() {
        assertThatThrownBy(() -> KeyRing.parse("k2:" + K1 + ",k1:" + K1))
                .isInstanceOf(KeyRingConfigurationException.class)
                .hasMessage("TOKEN_ENCRYPTION_KEYS entry 2 ('k1') carries the same key as 'k2'");
    }

    @Test
    void rejectsAnEntryWithoutIdWithoutRepeatingIt() {
        assertThatThrownBy(() -> KeyRing.parse(K1))
                .isInstanceOf(KeyRingConfigurationException.class)
                .hasMessage("TOKEN_ENCRYPTION_KEYS entry 1 is not of the form <keyId>:<base64 32-byte key>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k.1", "k 1", "key/1", "a23456789012345678901234567890123"})
    void rejectsAnInvalidKeyIdWithoutRepeatingIt(String id) {
        assertThatThrownBy(() -> KeyRing.parse(id + ":" + K1))
                .isInstanceOf(KeyRingConfigurationException.class)
                .hasMessage("TOKEN_ENCRYPTION_KEYS entry 1 has an invalid key id (1 to 32 of A-Z a-z 0-9 _ -)");
    }

    @Test
    void generatesAnEntryThatParses() {
        String entry = KeyRing.generateKeyEntry("k3");

        assertThat(entry).startsWith("k3:");
        assertThat(Base64.getDecoder().decode(entry.substring(3))).hasSize(32);
        assertThat(KeyRing.parse(entry + ",k1:" + K1).newestKeyId()).isEqualTo("k3");
        assertThat(KeyRing.generateKeyEntry("k3")).isNotEqualTo(entry);
    }

    @Test
    void refusesToGenerateAnEntryForAnInvalidId() {
        assertThatThrownBy(() -> KeyRing.generateKeyEntry("k.3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsKeyIdsButNoKeys() {
        assertThat(KeyRing.parse("k2:" + K2 + ",k1:" + K1)).hasToString("KeyRing[k2, k1]");
    }

    static byte[] bytes(int length, int fill) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (fill + i);
        }
        return bytes;
    }
}
