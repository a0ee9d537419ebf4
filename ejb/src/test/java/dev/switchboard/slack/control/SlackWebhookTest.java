package dev.switchboard.slack.control;

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
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackWebhookTest {

    /** Slack's documented example ("Verifying requests from Slack"). */
    private static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long DOC_TIMESTAMP = 1531420618L;
    private static final String DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String DOC_SIGNATURE =
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant DOC_NOW = Instant.ofEpochSecond(DOC_TIMESTAMP);

    private final SlackWebhook webhook = new SlackWebhook();

    @Test
    void isForSlack() {
        assertThat(webhook.platform()).isEqualTo(Platform.SLACK);
    }

    @Nested
    class Authenticity {

        private WebhookRequest signed(String body, String timestamp, String signature) {
            return request(body, "X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature);
        }

        private WebhookRequest documented() {
            return signed(DOC_BODY, String.valueOf(DOC_TIMESTAMP), DOC_SIGNATURE);
        }

        @Test
        void acceptsSlacksDocumentedExample() {
            assertThat(webhook.isAuthentic(documented(), DOC_SECRET, DOC_NOW)).isTrue();
        }

        @Test
        void acceptsUpperCaseHex() {
            var request = signed(DOC_BODY, String.valueOf(DOC_TIMESTAMP), "v0=" + DOC_SIGNATURE.substring(3).toUpperCase());
            assertThat(webhook.isAuthentic(request, DOC_SECRET, DOC_NOW)).isTrue();
        }

        @Test
        void acceptsAnEventSignedOverItsExactBytes() {
            byte[] body = fixture("slack/app_mention.json");
            String signature = "v0=" + HmacSha256.signHex("slack-secret", bytes("v0:1700000000:"), body);
            var request = request(body, "X-Slack-Request-Timestamp", "1700000000", "X-Slack-Signature", signature);
            assertThat(webhook.isAuthentic(request, "slack-secret", Instant.ofEpochSecond(1700000000))).isTrue();
        }

        @Test
        void acceptsTimestampsExactlyAtTheWindowsEdges() {
            assertThat(webhook.isAuthentic(documented(), DOC_SECRET, DOC_NOW.plusSeconds(300))).isTrue();
            assertThat(webhook.isAuthentic(documented(), DOC_SECRET, DOC_NOW.minusSeconds(300))).isTrue();
        }

        @Test
        void rejectsAStaleTimestamp() {
            assertThat(webhook.isAuthentic(documented(), DOC_SECRET, DOC_NOW.plusSeconds(301))).isFalse();
        }

        @Test
        void rejectsATimestampFromTheFuture() {
            assertThat(webhook.isAuthentic(documented(), DOC_SECRET, DOC_NOW.minusSeconds(301))).isFalse();
        }

        @Test
        void rejectsAnotherTimestampThanTheSignedOne() {
            var request = signed(DOC_BODY, String.valueOf(DOC_TIMESTAMP + 1), DOC_SIGNATURE);
            assertThat(webhook.isAuthentic(request, DOC_SECRET, DOC_NOW)).isFalse();
        }

        @Test
        void rejectsATamperedBody() {
            var request = request(tampered(bytes(DOC_BODY)),
                    "X-Slack-Request-Timestamp", String.valueOf(DOC_TIMESTAMP), "X-Slack-Signature", DOC_SIGNATURE);
            assertThat(webhook.isAuthentic(request, DOC_SECRET, DOC_NOW)).isFalse();
        }

        @Test
        void rejectsTheWrongSecret() {
            assertThat(webhook.isAuthentic(documented(), "8f742231b10e8888abcd99yyyzzz85a6", DOC_NOW)).isFalse();
        }

        @Test
        void rejectsAMissingSignatureOrTimestamp() {
            var noSignature = request(DOC_BODY, "X-Slack-Request-Timestamp", String.valueOf(DOC_TIMESTAMP));
            var noTimestamp = request(DOC_BODY, "X-Slack-Signature", DOC_SIGNATURE);
            assertThat(webhook.isAuthentic(noSignature, DOC_SECRET, DOC_NOW)).isFalse();
            assertThat(webhook.isAuthentic(noTimestamp, DOC_SECRET, DOC_NOW)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", // no prefix
                "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", // unknown version
                "sha256=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50", // odd length
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5q3", // bad hex
                "v0=",
        })
        void rejectsAMalformedSignature(String header) {
            var request = signed(DOC_BODY, String.valueOf(DOC_TIMESTAMP), header);
            assertThat(webhook.isAuthentic(request, DOC_SECRET, DOC_NOW)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1531420618.0", "+1531420618", "-1531420618", "soon", "99999999999999999999999"})
        void rejectsAMalformedTimestamp(String timestamp) {
            String signature = "v0=" + HmacSha256.signHex(DOC_SECRET, bytes("v0:" + timestamp + ":" + DOC_BODY));
            assertThat(webhook.isAuthentic(signed(DOC_BODY, timestamp, signature), DOC_SECRET, DOC_NOW)).isFalse();
        }
    }

    @Nested
    class ReadingEvents {

        @Test
        void readsAnAppMention() throws Exception {
            String json = fixtureText("slack/app_mention.json");
            var request = request(json, "Content-Type", "application/json");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "Ev0LAN670R", "app_mention", null, "T061EG9R6", json));
        }

        @Test
        void readsAMessageSubtypeAsTheAction() throws Exception {
            String json = fixtureText("slack/message_changed.json");

            assertThat(webhook.read(request(json, "Content-Type", "application/json"))).isEqualTo(
                    new Reception.Delivery("Ev0PV52K25", "message", "message_changed", "T061EG9R6", json));
        }

        @Test
        void answersUrlVerificationWithItsChallenge() throws Exception {
            var request = request(fixture("slack/url_verification.json"), "Content-Type", "application/json");

            assertThat(webhook.read(request)).isEqualTo(
                    new Reception.Challenge("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
        }

        @Test
        void readsAppRateLimitedWithoutEventId() throws Exception {
            String json = fixtureText("slack/app_rate_limited.json");

            assertThat(webhook.read(request(json, "Content-Type", "application/json"))).isEqualTo(
                    new Reception.Delivery("sha256:" + HmacSha256.sha256Hex(bytes(json)), "app_rate_limited",
                            null, "T123456", json));
        }

        @Test
        void recognisesJsonWithoutAContentType() throws Exception {
            String json = fixtureText("slack/app_mention.json");

            assertThat(((Reception.Delivery) webhook.read(request(json))).deliveryId()).isEqualTo("Ev0LAN670R");
        }

        @Test
        void rejectsUrlVerificationWithoutChallenge() {
            assertMalformed(request("{\"type\":\"url_verification\",\"token\":\"x\"}"), "challenge");
        }

        @Test
        void rejectsAnEventCallbackWithoutEventId() {
            assertMalformed(request("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"message\"}}"),
                    "event_id");
        }

        @Test
        void rejectsAnEventCallbackWithoutInnerEventType() {
            assertMalformed(request("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{}}"), "event.type");
        }

        @Test
        void rejectsAnEventWithoutType() {
            assertMalformed(request("{\"event_id\":\"Ev1\",\"team_id\":\"T1\"}"), "type");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{not json}", "[{\"type\":\"event_callback\"}]", "{\"type\":\"event_callback\"", ""})
        void rejectsABodyThatIsNotOneJsonObject(String body) {
            assertMalformed(request(body, "Content-Type", "application/json"), "slack");
        }
    }

    @Nested
    class ReadingInteractions {

        @Test
        void readsABlockAction() throws Exception {
            byte[] form = fixture("slack/block_actions.form");
            var request = request(form, "Content-Type", "application/x-www-form-urlencoded");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "sha256:" + HmacSha256.sha256Hex(form), "block_actions", "approve_job", "T061EG9R6",
                    fixtureText("slack/block_actions.json").strip()));
        }

        @Test
        void readsAViewSubmissionWithoutActions() throws Exception {
            byte[] form = fixture("slack/view_submission.form");
            var request = request(form, "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "sha256:" + HmacSha256.sha256Hex(form), "view_submission", null, "T061EG9R6",
                    fixtureText("slack/view_submission.json").strip()));
        }

        @Test
        void recognisesAFormWithoutAContentType() throws Exception {
            var reception = (Reception.Delivery) webhook.read(request(fixture("slack/block_actions.form")));

            assertThat(reception.event()).isEqualTo("block_actions");
        }

        @Test
        void answersAnOptionsLoadAtOnceFromTheSelectorWithoutStoringIt() throws Exception {
            List<String> asked = new ArrayList<>();
            SlackWebhook answering = new SlackWebhook();
            answering.selections = new SlackRepositorySelections() {
                @Override
                public JsonObject suggest(String team, String user, String blockId, String query) {
                    asked.add(team + " " + user + " " + blockId + " " + query);
                    return SlackRepositorySelector.suggestions(List.of("acme/api", "acme/web"), query);
                }
            };
            String suggestion = """
                    {"type":"block_suggestion","user":{"id":"U0MIA","username":"mia","team_id":"T0ACME"},
                     "container":{"type":"message","message_ts":"1700000001.000200","channel_id":"C0DEV"},
                     "api_app_id":"A0APP","token":"x","action_id":"repository_select",
                     "block_id":"repository-selector:d-1","value":"WE","team":{"id":"T0ACME","domain":"acme"},
                     "channel":{"id":"C0DEV","name":"dev"}}""";
            var request = request("payload=" + URLEncoder.encode(suggestion, StandardCharsets.UTF_8),
                    "Content-Type", "application/x-www-form-urlencoded");

            assertThat(answering.read(request)).isEqualTo(new Reception.Answer(
                    "{\"options\":[{\"text\":{\"type\":\"plain_text\",\"text\":\"acme/web\"},\"value\":\"acme/web\"}]}"));
            assertThat(asked).containsExactly("T0ACME U0MIA repository-selector:d-1 WE");
        }

        @Test
        void rejectsAnOptionsLoadWithoutUser() {
            assertMalformed(request("payload=" + URLEncoder.encode(
                    "{\"type\":\"block_suggestion\",\"team\":{\"id\":\"T0ACME\"},\"value\":\"a\"}",
                    StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded"), "block_suggestion");
        }

        @Test
        void rejectsAFormWithoutPayload() {
            // A slash command: signed like an interaction, but not one.
            assertMalformed(request(DOC_BODY, "Content-Type", "application/x-www-form-urlencoded"),
                    "slack form has no payload");
        }

        @Test
        void rejectsAPayloadThatIsNotJson() {
            assertMalformed(request("payload=" + URLEncoder.encode("[\"block_actions\"]", StandardCharsets.UTF_8),
                    "Content-Type", "application/x-www-form-urlencoded"), "slack payload is not a JSON object");
        }

        @Test
        void rejectsABrokenUrlEncoding() {
            assertMalformed(request("payload=%7B%22type%22%3A%2", "Content-Type", "application/x-www-form-urlencoded"),
                    "slack");
        }

        @Test
        void rejectsAnInteractionWithoutType() {
            assertMalformed(request("payload=" + URLEncoder.encode("{\"team\":{\"id\":\"T1\"}}", StandardCharsets.UTF_8),
                    "Content-Type", "application/x-www-form-urlencoded"), "type");
        }
    }

    private void assertMalformed(WebhookRequest request, String messagePart) {
        assertThatThrownBy(() -> webhook.read(request))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining(messagePart);
    }
}
