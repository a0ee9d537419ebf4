package dev.switchboard.deliveries.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLimitsTest {

    private static String nested(int depth) {
        return "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    @Test
    void realPayloadsPass() {
        assertThatCode(() -> JsonLimits.check("github", """
                {"action":"created","issue":{"number":7,"labels":[{"id":208045946,"name":"bug"}],
                 "reactions":{"+1":0,"total_count":0}},"comment":{"id":1234567890123,"body":"@openhands"},
                 "score":-1.5e10,"ratio":0.25,"installation":{"id":4242},"sender":{"login":"octocat"}}""")).doesNotThrowAnyException();
        assertThatCode(() -> JsonLimits.check("github", nested(JsonLimits.MAX_DEPTH))).doesNotThrowAnyException();
        assertThatCode(() -> JsonLimits.check("x", "{\"a\":{\"k\":1},\"b\":{\"k\":2}}"))
                .as("the same key in two objects").doesNotThrowAnyException();
    }

    @Test
    void depthBeyondTheLimitIsRefusedWithoutRecursing() {
        assertThatThrownBy(() -> JsonLimits.check("github", nested(JsonLimits.MAX_DEPTH + 1)))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("nested deeper than 64");
        assertThatThrownBy(() -> JsonLimits.check("github", nested(1_000_000)))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("nested");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"s\":{\"login\":\"octocat\",\"login\":\"admin\"}}",
        "{\"x\":[{\"k\":1,\"k\":1}]}"})
    void aKeyTwiceInOneObjectIsRefused(String json) {
        assertThatThrownBy(() -> JsonLimits.check("github", json)).isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("key twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"n\":1e401}", "{\"n\":1E-999999999}", "{\"n\":-0.1e-2147483648}", "{\"n\":1e0400}"})
    void exponentsADoubleCannotHoldAreRefused(String json) {
        assertThatThrownBy(() -> JsonLimits.check("stripe", json)).isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void numbersLongerThanTheLimitAreRefused() {
        assertThatThrownBy(() -> JsonLimits.check("jira", "{\"n\":1" + "0".repeat(1_000_000) + "}"))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("longer than 40");
        assertThatCode(() -> JsonLimits.check("jira", "{\"n\":" + "9".repeat(40) + "}")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"s\"", "null", "{", "{}{}", "{} x", "{\"a\":NaN}", "{'a':1}", "", "{\"a\":01}"})
    void anythingButOneObjectIsRefused(String json) {
        assertThatThrownBy(() -> JsonLimits.check("slack", json)).isInstanceOf(MalformedWebhookException.class);
    }

    @Test
    void picksTheAskedValuesInTheCheckingPass() throws MalformedWebhookException {
        String[] picked = JsonLimits.check("github", """
                {"issue":{"action":"nested, not this","installation":{"id":1}},"list":[{"action":"nor this"}],
                 "action":"created","installation":{"id":4242,"account":{"id":9}}}""",
                JsonLimits.Pick.string("action"), JsonLimits.Pick.id("installation", "id"),
                JsonLimits.Pick.id("missing"), JsonLimits.Pick.string("installation", "id"));
        assertThat(picked).containsExactly("created", "4242", null, null);
    }

    @Test
    void picksIdsWrittenAsTheObjectModelWritesThem() throws MalformedWebhookException {
        JsonLimits.Pick id = JsonLimits.Pick.id("installation", "id");
        assertThat(JsonLimits.check("x", "{\"installation\":{\"id\":\"abc\"}}", id)).containsExactly("abc");
        assertThat(JsonLimits.check("x", "{\"installation\":{\"id\":12345678901234567890}}", id))
                .containsExactly("12345678901234567890");
        assertThat(JsonLimits.check("x", "{\"installation\":{\"id\":1.5}}", id)).containsExactly("1.5");
        assertThat(JsonLimits.check("x", "{\"installation\":{\"id\":true}}", id)).containsExactly((String) null);
        assertThat(JsonLimits.check("x", "{\"action\":7}", JsonLimits.Pick.string("action")))
                .as("a number is no string").containsExactly((String) null);
    }

    @Test
    void picksNothingFromAPayloadOutsideTheLimits() {
        assertThatThrownBy(() -> JsonLimits.check("github", "{\"action\":\"a\",\"action\":\"b\"}",
                JsonLimits.Pick.string("action"))).isInstanceOf(MalformedWebhookException.class);
    }
}
