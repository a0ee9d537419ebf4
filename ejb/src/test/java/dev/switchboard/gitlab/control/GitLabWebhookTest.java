package dev.switchboard.gitlab.control;

import static dev.switchboard.deliveries.control.TestWebhooks.fixture;
import static dev.switchboard.deliveries.control.TestWebhooks.fixtureText;
import static dev.switchboard.deliveries.control.TestWebhooks.request;
import static dev.switchboard.deliveries.control.TestWebhooks.tampered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.control.MalformedWebhookException;
import dev.switchboard.deliveries.control.Reception;
import dev.switchboard.deliveries.control.WebhookRequest;
import dev.switchboard.deliveries.entity.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitLabWebhookTest {

    private static final String SECRET = "glwt-8c1f0d3e5a7b9c2d4e6f";
    private static final Instant NOW = Instant.parse("2024-07-19T14:03:11Z");

    private final GitLabWebhook webhook = new GitLabWebhook();

    @Test
    void isForGitLab() {
        assertThat(webhook.platform()).isEqualTo(Platform.GITLAB);
    }

    @Nested
    class Authenticity {

        @Test
        void acceptsTheSecretToken() {
            var request = request(fixture("gitlab/note_hook.json"), "X-Gitlab-Token", SECRET);
            assertThat(webhook.isAuthentic(request, SECRET, NOW)).isTrue();
        }

        @Test
        void acceptsAnyHeaderNameCase() {
            var request = request(fixture("gitlab/note_hook.json"), "x-gitlab-token", SECRET);
            assertThat(webhook.isAuthentic(request, SECRET, NOW)).isTrue();
        }

        @Test
        void acceptsATamperedBodyBecauseGitLabSignsNothing() {
            // Documents the platform's limit: the token proves the sender knows the secret, not the body's integrity.
            var request = request(tampered(fixture("gitlab/note_hook.json")), "X-Gitlab-Token", SECRET);
            assertThat(webhook.isAuthentic(request, SECRET, NOW)).isTrue();
        }

        @Test
        void rejectsTheWrongSecret() {
            var request = request(fixture("gitlab/note_hook.json"), "X-Gitlab-Token", SECRET);
            assertThat(webhook.isAuthentic(request, "glwt-other", NOW)).isFalse();
        }

        @Test
        void rejectsAMissingHeader() {
            assertThat(webhook.isAuthentic(request(fixture("gitlab/note_hook.json")), SECRET, NOW)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "glwt-8c1f0d3e5a7b9c2d4e6", // prefix of the secret
                "glwt-8c1f0d3e5a7b9c2d4e6f0", // secret plus one character
                "GLWT-8C1F0D3E5A7B9C2D4E6F", // other case
                "Bearer glwt-8c1f0d3e5a7b9c2d4e6f", // with a scheme
                "sha256=glwt-8c1f0d3e5a7b9c2d4e6f",
        })
        void rejectsAMalformedToken(String token) {
            var request = request(fixture("gitlab/note_hook.json"), "X-Gitlab-Token", token);
            assertThat(webhook.isAuthentic(request, SECRET, NOW)).isFalse();
        }
    }

    @Nested
    class Reading {

        @Test
        void readsANoteHook() throws Exception {
            String json = fixtureText("gitlab/note_hook.json");
            var request = request(json,
                    "Content-Type", "application/json",
                    "X-Gitlab-Event", "Note Hook",
                    "X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e",
                    "Idempotency-Key", "f2e3c8a1-6b0d-4f61-9a63-0d7e8b4c2a15",
                    "X-Gitlab-Instance", "https://gitlab.example.com");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "f2e3c8a1-6b0d-4f61-9a63-0d7e8b4c2a15", "note", null, "5", json));
        }

        @Test
        void readsAMergeRequestHookWithItsAction() throws Exception {
            String json = fixtureText("gitlab/merge_request_hook.json");
            var request = request(json,
                    "X-Gitlab-Event", "Merge Request Hook",
                    "X-Gitlab-Event-UUID", "1fd8a0c2-7f0e-4a8b-9c5d-2e4f6a8b0c1d");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "1fd8a0c2-7f0e-4a8b-9c5d-2e4f6a8b0c1d", "merge_request", "open", "1", json));
        }

        @Test
        void fallsBackToTheBodyHashAndTheEventHeader() throws Exception {
            String json = "{\"event_name\":\"project_create\",\"project_id\":74}";
            var request = request(json, "X-Gitlab-Event", "System Hook");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "sha256:" + sha256Of(json), "System Hook", null, null, json));
        }

        @Test
        void rejectsAPayloadWithoutAnyEventName() {
            assertMalformed(request("{\"project\":{\"id\":5}}"), "object_kind");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "[{\"object_kind\":\"note\"}]", "42", "{\"object_kind\":\"note\"", ""})
        void rejectsABodyThatIsNotOneJsonObject(String body) {
            assertMalformed(request(body, "X-Gitlab-Event", "Note Hook"), "gitlab");
        }

        private void assertMalformed(WebhookRequest request, String messagePart) {
            assertThatThrownBy(() -> webhook.read(request))
                    .isInstanceOf(MalformedWebhookException.class)
                    .hasMessageContaining(messagePart);
        }
    }

    /** Independent of the code under test: the JDK's digest, hex-encoded by hand. */
    static String sha256Of(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
