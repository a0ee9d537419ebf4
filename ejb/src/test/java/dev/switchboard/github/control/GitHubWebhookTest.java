package dev.switchboard.github.control;

import static dev.switchboard.deliveries.control.TestWebhooks.bytes;
import static dev.switchboard.deliveries.control.TestWebhooks.fixture;
import static dev.switchboard.deliveries.control.TestWebhooks.fixtureText;
import static dev.switchboard.deliveries.control.TestWebhooks.request;
import static dev.switchboard.deliveries.control.TestWebhooks.tampered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.control.HmacSha256;
import dev.switchboard.deliveries.control.MalformedWebhookException;
import dev.switchboard.deliveries.control.Reception;
import dev.switchboard.deliveries.control.WebhookRequest;
import dev.switchboard.deliveries.entity.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubWebhookTest {

    /** GitHub's documented example ("Validating webhook deliveries"). */
    private static final String DOC_SECRET = "It's a Secret to Everybody";
    private static final String DOC_BODY = "Hello, World!";
    private static final String DOC_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    private static final Instant NOW = Instant.parse("2024-07-19T14:03:11Z");

    private final GitHubWebhook webhook = new GitHubWebhook();

    @Test
    void isForGitHub() {
        assertThat(webhook.platform()).isEqualTo(Platform.GITHUB);
    }

    @Nested
    class Authenticity {

        @Test
        void acceptsGitHubsDocumentedExample() {
            assertThat(webhook.isAuthentic(request(DOC_BODY, "X-Hub-Signature-256", DOC_SIGNATURE), DOC_SECRET, NOW))
                    .isTrue();
        }

        @Test
        void acceptsUpperCaseHexAndAnyHeaderNameCase() {
            var request = request(DOC_BODY, "x-hub-signature-256", "sha256=" + DOC_SIGNATURE.substring(7).toUpperCase());
            assertThat(webhook.isAuthentic(request, DOC_SECRET, NOW)).isTrue();
        }

        @Test
        void acceptsARealPayloadSignedOverItsExactBytes() {
            byte[] body = fixture("github/issue_comment.json");
            var request = request(body, "X-Hub-Signature-256", "sha256=" + HmacSha256.signHex("whsec-gh", body));
            assertThat(webhook.isAuthentic(request, "whsec-gh", NOW)).isTrue();
        }

        @Test
        void rejectsATamperedBody() {
            byte[] body = fixture("github/issue_comment.json");
            var request = request(tampered(body), "X-Hub-Signature-256", "sha256=" + HmacSha256.signHex("whsec-gh", body));
            assertThat(webhook.isAuthentic(request, "whsec-gh", NOW)).isFalse();
        }

        @Test
        void rejectsTheWrongSecret() {
            assertThat(webhook.isAuthentic(request(DOC_BODY, "X-Hub-Signature-256", DOC_SIGNATURE),
                    "It's a Secret to Everybody!", NOW)).isFalse();
        }

        @Test
        void rejectsAMissingHeader() {
            assertThat(webhook.isAuthentic(request(DOC_BODY), DOC_SECRET, NOW)).isFalse();
        }

        @Test
        void rejectsTheLegacySha1HeaderAlone() {
            // A valid-looking value under the SHA-1 header name must not be taken for the SHA-256 one.
            assertThat(webhook.isAuthentic(request(DOC_BODY, "X-Hub-Signature", DOC_SIGNATURE), DOC_SECRET, NOW))
                    .isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", // no prefix
                "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", // wrong prefix
                "SHA256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", // prefix case
                "sha256=", // empty
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1", // odd length
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043eXY", // bad hex
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e", // truncated
        })
        void rejectsAMalformedHeader(String header) {
            assertThat(webhook.isAuthentic(request(DOC_BODY, "X-Hub-Signature-256", header), DOC_SECRET, NOW))
                    .isFalse();
        }
    }

    @Nested
    class Reading {

        @Test
        void readsAnAppsIssueComment() throws Exception {
            String json = fixtureText("github/issue_comment.json");
            var request = request(json,
                    "Content-Type", "application/json",
                    "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                    "X-GitHub-Event", "issue_comment",
                    "X-GitHub-Hook-Installation-Target-Type", "integration");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "72d3162e-cc78-11e3-81ab-4c9367dc0958", "issue_comment", "created", "51234567", json));
        }

        @Test
        void readsARepositoryHookWithoutInstallation() throws Exception {
            String json = fixtureText("github/issues_opened_repo_hook.json");
            var request = request(json,
                    "Content-Type", "application/json",
                    "X-GitHub-Delivery", "9b8d0f70-45c3-11ef-8a1b-3f2a5e4c1d00",
                    "X-GitHub-Event", "issues");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "9b8d0f70-45c3-11ef-8a1b-3f2a5e4c1d00", "issues", "opened", null, json));
        }

        @Test
        void readsAFormEncodedDelivery() throws Exception {
            var request = request(fixture("github/ping.form"),
                    "Content-Type", "application/x-www-form-urlencoded",
                    "X-GitHub-Delivery", "0b5a3c10-45c4-11ef-9e2d-77a1c0e0a111",
                    "X-GitHub-Event", "ping");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "0b5a3c10-45c4-11ef-9e2d-77a1c0e0a111", "ping", null, null,
                    fixtureText("github/ping.json").strip()));
        }

        @Test
        void tellsAFormFromJsonWithoutAContentType() throws Exception {
            var request = request(fixture("github/ping.form"),
                    "X-GitHub-Delivery", "0b5a3c10-45c4-11ef-9e2d-77a1c0e0a111",
                    "X-GitHub-Event", "ping");

            assertThat(((Reception.Delivery) webhook.read(request)).payload())
                    .isEqualTo(fixtureText("github/ping.json").strip());
        }

        @Test
        void rejectsAMissingDeliveryHeader() {
            var request = request(fixture("github/issue_comment.json"), "X-GitHub-Event", "issue_comment");
            assertMalformed(request, "X-GitHub-Delivery");
        }

        @Test
        void rejectsAMissingEventHeader() {
            var request = request(fixture("github/issue_comment.json"), "X-GitHub-Delivery", "72d3162e");
            assertMalformed(request, "X-GitHub-Event");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "[{\"action\":\"created\"}]", "\"created\"", "{\"action\":", "{} {}", ""})
        void rejectsABodyThatIsNotOneJsonObject(String body) {
            assertMalformed(request(body, "Content-Type", "application/json",
                    "X-GitHub-Delivery", "72d3162e", "X-GitHub-Event", "issues"), "github");
        }

        @Test
        void rejectsAFormWithoutPayload() {
            assertMalformed(request("zen=hello&hook_id=1", "Content-Type", "application/x-www-form-urlencoded",
                    "X-GitHub-Delivery", "72d3162e", "X-GitHub-Event", "ping"), "github form has no payload");
        }

        @Test
        void rejectsAFormWhosePayloadIsNotJson() {
            assertMalformed(request(bytes("payload=%5B1%2C2%5D"), "Content-Type", "application/x-www-form-urlencoded",
                    "X-GitHub-Delivery", "72d3162e", "X-GitHub-Event", "ping"), "github payload is not a JSON object");
        }

        private void assertMalformed(WebhookRequest request, String messagePart) {
            assertThatThrownBy(() -> webhook.read(request))
                    .isInstanceOf(MalformedWebhookException.class)
                    .hasMessageContaining(messagePart);
        }
    }
}
