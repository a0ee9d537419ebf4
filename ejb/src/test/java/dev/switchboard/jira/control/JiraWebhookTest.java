package dev.switchboard.jira.control;

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

class JiraWebhookTest {

    private static final String SECRET = "jira-hook-secret-2f9c";
    private static final Instant NOW = Instant.parse("2024-07-19T14:03:11Z");
    /** The same scheme as GitHub's, so GitHub's documented vector applies under Jira's header. */
    private static final String DOC_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private final JiraWebhook webhook = new JiraWebhook();

    @Test
    void isForJira() {
        assertThat(webhook.platform()).isEqualTo(Platform.JIRA);
    }

    @Nested
    class Authenticity {

        private final byte[] body = fixture("jira/comment_created.json");
        private final String signature = "sha256=" + HmacSha256.signHex(SECRET, body);

        @Test
        void acceptsAKnownVectorUnderJirasHeader() {
            var request = request("Hello, World!", "X-Hub-Signature", DOC_SIGNATURE);
            assertThat(webhook.isAuthentic(request, "It's a Secret to Everybody", NOW)).isTrue();
        }

        @Test
        void acceptsARealPayload() {
            assertThat(webhook.isAuthentic(request(body, "X-Hub-Signature", signature), SECRET, NOW)).isTrue();
        }

        @Test
        void acceptsUpperCaseHex() {
            var request = request(body, "X-Hub-Signature", "sha256=" + signature.substring(7).toUpperCase());
            assertThat(webhook.isAuthentic(request, SECRET, NOW)).isTrue();
        }

        @Test
        void rejectsATamperedBody() {
            assertThat(webhook.isAuthentic(request(tampered(body), "X-Hub-Signature", signature), SECRET, NOW))
                    .isFalse();
        }

        @Test
        void rejectsTheWrongSecret() {
            assertThat(webhook.isAuthentic(request(body, "X-Hub-Signature", signature), SECRET + "x", NOW)).isFalse();
        }

        @Test
        void rejectsAMissingHeader() {
            assertThat(webhook.isAuthentic(request(body), SECRET, NOW)).isFalse();
        }

        @Test
        void rejectsTheSignatureUnderGitHubsHeaderName() {
            assertThat(webhook.isAuthentic(request(body, "X-Hub-Signature-256", signature), SECRET, NOW)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", // no prefix
                "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1", // odd length
                "sha256=g57107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", // bad hex
                "sha256=",
        })
        void rejectsAMalformedHeader(String header) {
            var request = request(bytes("Hello, World!"), "X-Hub-Signature", header);
            assertThat(webhook.isAuthentic(request, "It's a Secret to Everybody", NOW)).isFalse();
        }
    }

    @Nested
    class Reading {

        @Test
        void readsACloudCommentCreated() throws Exception {
            String json = fixtureText("jira/comment_created.json");
            var request = request(json,
                    "Content-Type", "application/json; charset=UTF-8",
                    "X-Atlassian-Webhook-Identifier", "1721399190123-4e7a9c0d",
                    "X-Atlassian-Webhook-Retry", "0");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "1721399190123-4e7a9c0d", "comment_created", null, "https://acme.atlassian.net", json));
        }

        @Test
        void readsADataCenterIssueUpdatedWithoutIdentifier() throws Exception {
            String json = fixtureText("jira/issue_updated.json");

            assertThat(webhook.read(request(json))).isEqualTo(new Reception.Delivery(
                    "sha256:" + HmacSha256.sha256Hex(bytes(json)), "jira:issue_updated", "issue_assigned",
                    "https://jira.acme-corp.com:8443", json));
        }

        @Test
        void takesTheSiteFromTheCommentWhenThereIsNoIssue() throws Exception {
            String json = "{\"webhookEvent\":\"comment_deleted\",\"comment\":"
                    + "{\"self\":\"https://beta.atlassian.net/rest/api/2/issue/1/comment/2\",\"id\":\"2\"}}";

            assertThat(((Reception.Delivery) webhook.read(request(json))).accountId())
                    .isEqualTo("https://beta.atlassian.net");
        }

        @Test
        void leavesTheSiteUnknownWithoutUsableLinks() throws Exception {
            String json = "{\"webhookEvent\":\"project_created\",\"issue\":{\"self\":\"not a url\"}}";

            assertThat(webhook.read(request(json, "X-Atlassian-Webhook-Identifier", "77")))
                    .isEqualTo(new Reception.Delivery("77", "project_created", null, null, json));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"issue\":{}}", "{\"webhookEvent\":17}", "{\"webhookEvent\":null}"})
        void rejectsAPayloadWithoutWebhookEvent(String body) {
            assertMalformed(request(body), "webhookEvent");
        }

        @ParameterizedTest
        @ValueSource(strings = {"<xml/>", "[{\"webhookEvent\":\"comment_created\"}]", "null", ""})
        void rejectsABodyThatIsNotOneJsonObject(String body) {
            assertMalformed(request(body), "jira");
        }

        private void assertMalformed(WebhookRequest request, String messagePart) {
            assertThatThrownBy(() -> webhook.read(request))
                    .isInstanceOf(MalformedWebhookException.class)
                    .hasMessageContaining(messagePart);
        }
    }
}
