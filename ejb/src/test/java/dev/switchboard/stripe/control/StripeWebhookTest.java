package dev.switchboard.stripe.control;

import static dev.switchboard.deliveries.control.TestWebhooks.bytes;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeWebhookTest {

    private static final String SECRET = "whsec_5f1b0e8d2c3a4b6f9e7d1c0a2b3c4d5e";
    private static final long TS = 1721399190L;
    private static final Instant NOW = Instant.ofEpochSecond(TS);
    /** A hex HMAC that is well-formed but made with another secret, as after a rotation. */
    private static final String OTHER_V1 = "6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";

    private final StripeWebhook webhook = new StripeWebhook();

    @Test
    void isForStripe() {
        assertThat(webhook.platform()).isEqualTo(Platform.STRIPE);
    }

    /** Stripe's scheme, computed here independently of the code under test. */
    static String v1(String secret, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(bytes(secret), "HmacSHA256"));
        mac.update(bytes(timestamp + "."));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(body)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    @Nested
    class Authenticity {

        private final byte[] body = fixture("stripe/customer_created.json");

        private WebhookRequest signed(byte[] body, String header) {
            return request(body, "Stripe-Signature", header);
        }

        @Test
        void acceptsAFixedVector() {
            // Computed outside Java (Python's hmac) for this secret, timestamp and body.
            String header = "t=1721399190,v1=092ff10acdf849667310ba80448605bf4a80b2f38e96fd8a0ee57b717c8fc895";
            assertThat(webhook.isAuthentic(signed(bytes("{\"id\":\"evt_test\"}"), header), SECRET, NOW)).isTrue();
        }

        @Test
        void acceptsASingleV1() throws Exception {
            assertThat(webhook.isAuthentic(signed(body, "t=" + TS + ",v1=" + v1(SECRET, TS, body)), SECRET, NOW))
                    .isTrue();
        }

        @Test
        void acceptsWhenOnlyTheSecondOfSeveralV1Matches() throws Exception {
            String header = "t=" + TS + ",v1=" + OTHER_V1 + ",v1=" + v1(SECRET, TS, body)
                    + ",v1=" + OTHER_V1.replace('6', '7') + ",v0=" + OTHER_V1;
            assertThat(webhook.isAuthentic(signed(body, header), SECRET, NOW)).isTrue();
        }

        @Test
        void acceptsUpperCaseHexAndSpacesAfterCommas() throws Exception {
            String header = "t=" + TS + ", v1=" + v1(SECRET, TS, body).toUpperCase();
            assertThat(webhook.isAuthentic(signed(body, header), SECRET, NOW)).isTrue();
        }

        @Test
        void rejectsAHeaderWithOnlyV0() throws Exception {
            // v0 is Stripe's test-mode legacy scheme; even a matching value must not be trusted.
            String header = "t=" + TS + ",v0=" + v1(SECRET, TS, body);
            assertThat(webhook.isAuthentic(signed(body, header), SECRET, NOW)).isFalse();
        }

        @Test
        void acceptsTimestampsExactlyAtTheWindowsEdges() throws Exception {
            var request = signed(body, "t=" + TS + ",v1=" + v1(SECRET, TS, body));
            assertThat(webhook.isAuthentic(request, SECRET, NOW.plusSeconds(300))).isTrue();
            assertThat(webhook.isAuthentic(request, SECRET, NOW.minusSeconds(300))).isTrue();
        }

        @Test
        void rejectsAStaleTimestamp() throws Exception {
            var request = signed(body, "t=" + TS + ",v1=" + v1(SECRET, TS, body));
            assertThat(webhook.isAuthentic(request, SECRET, NOW.plusSeconds(301))).isFalse();
        }

        @Test
        void rejectsATimestampFromTheFuture() throws Exception {
            var request = signed(body, "t=" + TS + ",v1=" + v1(SECRET, TS, body));
            assertThat(webhook.isAuthentic(request, SECRET, NOW.minusSeconds(301))).isFalse();
        }

        @Test
        void rejectsAnotherTimestampThanTheSignedOne() throws Exception {
            var request = signed(body, "t=" + (TS + 1) + ",v1=" + v1(SECRET, TS, body));
            assertThat(webhook.isAuthentic(request, SECRET, NOW)).isFalse();
        }

        @Test
        void rejectsATamperedBody() throws Exception {
            var request = signed(tampered(body), "t=" + TS + ",v1=" + v1(SECRET, TS, body));
            assertThat(webhook.isAuthentic(request, SECRET, NOW)).isFalse();
        }

        @Test
        void rejectsTheWrongSecret() throws Exception {
            var request = signed(body, "t=" + TS + ",v1=" + v1(SECRET, TS, body));
            assertThat(webhook.isAuthentic(request, "whsec_other", NOW)).isFalse();
        }

        @Test
        void rejectsAMissingHeader() {
            assertThat(webhook.isAuthentic(request(body), SECRET, NOW)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "v1=%2$s", // no timestamp
                "t=%1$d", // no v1
                "t=%1$d,t=%1$d,v1=%2$s", // repeated timestamp
                "t=%1$d,%2$s", // an element without '='
                "%2$s", // the bare hex
                "t=%1$d.5,v1=%2$s", // fractional timestamp
                "t=-%1$d,v1=%2$s",
                "t=,v1=%2$s",
                "t=%1$d;v1=%2$s", // wrong separator
                "t=%1$d,v1=%3$s", // odd-length hex
                "t=%1$d,v1=%4$s", // non-hex
                "",
        })
        void rejectsAMalformedHeader(String template) throws Exception {
            String good = v1(SECRET, TS, body);
            String header = String.format(template, TS, good, good.substring(1), "x" + good.substring(1));
            assertThat(webhook.isAuthentic(signed(body, header), SECRET, NOW)).isFalse();
        }
    }

    @Nested
    class Reading {

        @Test
        void readsCustomerCreated() throws Exception {
            String json = fixtureText("stripe/customer_created.json");
            var request = request(json, "Content-Type", "application/json; charset=utf-8");

            assertThat(webhook.read(request)).isEqualTo(new Reception.Delivery(
                    "evt_1PeH2sLkdIwHu7ixgG1Ohz6X", "customer.created", null, null, json));
        }

        @Test
        void readsAConnectEventWithItsAccount() throws Exception {
            String json = fixtureText("stripe/connect_invoice_paid.json");

            assertThat(webhook.read(request(json, "Content-Type", "application/json"))).isEqualTo(
                    new Reception.Delivery("evt_1PeHABFz3pYJtGxQn2mR8vWk", "invoice.paid", null,
                            "acct_1Nv0FGQ9RKHgCVdK", json));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"object\":\"event\",\"type\":\"customer.created\"}",
                "{\"id\":\"evt_1\",\"object\":\"event\"}",
                "{\"id\":12,\"type\":\"customer.created\"}",
                "{\"id\":\"evt_1\",\"type\":null}",
        })
        void rejectsAnEventWithoutIdOrType(String body) {
            assertMalformed(request(body), "id or type");
        }

        @ParameterizedTest
        @ValueSource(strings = {"id=evt_1&type=customer.created", "[{\"id\":\"evt_1\"}]", "true", "{\"id\":", ""})
        void rejectsABodyThatIsNotOneJsonObject(String body) {
            assertMalformed(request(body), "stripe");
        }

        @Test
        void rejectsABodyThatIsNotUtf8() {
            assertMalformed(request(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'}), "UTF-8");
        }

        private void assertMalformed(WebhookRequest request, String messagePart) {
            assertThatThrownBy(() -> webhook.read(request))
                    .isInstanceOf(MalformedWebhookException.class)
                    .hasMessageContaining(messagePart);
        }
    }
}
