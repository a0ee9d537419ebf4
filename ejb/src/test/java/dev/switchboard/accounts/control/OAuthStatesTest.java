package dev.switchboard.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OAuthStatesTest {

    private static final Instant ISSUED = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant EXPIRES = OAuthStates.expiresAt(ISSUED);
    private static final OAuthProviderState LIVE = new OAuthProviderState("github", "user-1", EXPIRES, false);

    @Test
    void newStatesAre32RandomBytesInBase64url() {
        String state = OAuthStates.newState();

        assertThat(state).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(OAuthStates.newState()).isNotEqualTo(state);
    }

    @Test
    void hashesWithSha256Hex() {
        assertThat(OAuthStates.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(OAuthStates.hash(OAuthStates.newState())).matches("[0-9a-f]{64}");
    }

    @Test
    void statesLiveTenMinutes() {
        assertThat(EXPIRES).isEqualTo(Instant.parse("2025-06-01T12:10:00Z"));
    }

    @Test
    void acceptsALiveStateOfTheSameProviderAndUser() {
        assertThat(OAuthStates.check(LIVE, "github", "user-1", ISSUED.plusSeconds(30))).isEqualTo(StateCheck.VALID);
    }

    @Test
    void refusesAnUnknownState() {
        assertThat(OAuthStates.check(null, "github", "user-1", ISSUED)).isEqualTo(StateCheck.UNKNOWN);
    }

    @Test
    void isSingleUse() {
        OAuthProviderState used = new OAuthProviderState("github", "user-1", EXPIRES, true);

        assertThat(OAuthStates.check(used, "github", "user-1", ISSUED.plusSeconds(30)))
                .isEqualTo(StateCheck.ALREADY_USED);
    }

    @Test
    void reportsAReplayAsSuchEvenOnceExpired() {
        OAuthProviderState used = new OAuthProviderState("github", "user-1", EXPIRES, true);

        assertThat(OAuthStates.check(used, "github", "user-1", EXPIRES.plusSeconds(3600)))
                .isEqualTo(StateCheck.ALREADY_USED);
    }

    @Test
    void expiresExactlyAtItsExpiry() {
        assertThat(OAuthStates.check(LIVE, "github", "user-1", EXPIRES.minusNanos(1))).isEqualTo(StateCheck.VALID);
        assertThat(OAuthStates.check(LIVE, "github", "user-1", EXPIRES)).isEqualTo(StateCheck.EXPIRED);
        assertThat(OAuthStates.check(LIVE, "github", "user-1", EXPIRES.plusSeconds(1))).isEqualTo(StateCheck.EXPIRED);
    }

    @Test
    void isBoundToTheUserItWasIssuedTo() {
        assertThat(OAuthStates.check(LIVE, "github", "user-2", ISSUED)).isEqualTo(StateCheck.OTHER_USER);
        assertThat(OAuthStates.check(LIVE, "github", null, ISSUED)).isEqualTo(StateCheck.OTHER_USER);
    }

    @Test
    void isBoundToTheProviderItWasIssuedFor() {
        assertThat(OAuthStates.check(LIVE, "gitlab", "user-1", ISSUED)).isEqualTo(StateCheck.OTHER_PROVIDER);
        assertThat(OAuthStates.check(LIVE, "GitHub", "user-1", ISSUED)).isEqualTo(StateCheck.OTHER_PROVIDER);
        assertThat(OAuthStates.check(LIVE, null, "user-1", ISSUED)).isEqualTo(StateCheck.OTHER_PROVIDER);
    }

    @Test
    void requireValidThrowsWithTheReason() {
        OAuthStates.requireValid(LIVE, "github", "user-1", ISSUED);

        assertThatThrownBy(() -> OAuthStates.requireValid(LIVE, "github", "user-1", EXPIRES))
                .isInstanceOf(InvalidOAuthStateException.class)
                .hasMessage("OAuth callback refused: the state has expired")
                .satisfies(e -> assertThat(((InvalidOAuthStateException) e).reason()).isEqualTo(StateCheck.EXPIRED));
        assertThatThrownBy(() -> OAuthStates.requireValid(null, "github", "user-1", ISSUED))
                .isInstanceOf(InvalidOAuthStateException.class)
                .satisfies(e -> assertThat(((InvalidOAuthStateException) e).reason()).isEqualTo(StateCheck.UNKNOWN));
    }
}
