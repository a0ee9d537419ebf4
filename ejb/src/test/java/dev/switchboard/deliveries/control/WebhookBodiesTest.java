package dev.switchboard.deliveries.control;

import static dev.switchboard.deliveries.control.TestWebhooks.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class WebhookBodiesTest {

    @Test
    void readsIdsSentAsNumbersOrStrings() throws Exception {
        JsonObject payload = WebhookBodies.object("test",
                "{\"a\":{\"id\":51234567},\"b\":{\"id\":\"T061EG9R6\"},\"c\":{\"id\":12345678901234567890},"
                        + "\"d\":{\"id\":null},\"e\":{\"id\":true},\"f\":[1]}");

        assertThat(WebhookBodies.id(payload, "a", "id")).isEqualTo("51234567");
        assertThat(WebhookBodies.id(payload, "b", "id")).isEqualTo("T061EG9R6");
        assertThat(WebhookBodies.id(payload, "c", "id")).isEqualTo("12345678901234567890");
        assertThat(WebhookBodies.id(payload, "d", "id")).isNull();
        assertThat(WebhookBodies.id(payload, "e", "id")).isNull();
        assertThat(WebhookBodies.id(payload, "f", "id")).isNull();
        assertThat(WebhookBodies.id(payload, "missing", "id")).isNull();
    }

    @Test
    void readsOnlyStringsAsStrings() throws Exception {
        JsonObject payload = WebhookBodies.object("test", "{\"action\":\"created\",\"n\":1,\"o\":{\"s\":\"x\"}}");

        assertThat(WebhookBodies.string(payload, "action")).isEqualTo("created");
        assertThat(WebhookBodies.string(payload, "n")).isNull();
        assertThat(WebhookBodies.string(payload, "o")).isNull();
        assertThat(WebhookBodies.string(payload, "o", "s")).isEqualTo("x");
        assertThat(WebhookBodies.string(payload, "action", "deeper")).isNull();
    }

    @Test
    void decodesTheNamedFormFieldWhereverItIs() throws Exception {
        String form = "other=1&payload=%7B%22a%22%3A%22b+c%26d%22%7D&payload=second";

        assertThat(WebhookBodies.formField("test", form, "payload")).isEqualTo("{\"a\":\"b c&d\"}");
    }

    @Test
    void refusesAnEmptyFormField() {
        assertThatThrownBy(() -> WebhookBodies.formField("test", "payload=&x=1", "payload"))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessage("test form has no payload field");
    }

    @Test
    void refusesTrailingContentAfterTheObject() {
        assertThatThrownBy(() -> WebhookBodies.object("test", "{\"a\":1}garbage"))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessage("test payload is not a JSON object");
    }

    @Test
    void tellsFormsFromJson() {
        assertThat(WebhookBodies.isForm(request("{}", "Content-Type", "Application/X-WWW-Form-Urlencoded"), "{}"))
                .isTrue();
        assertThat(WebhookBodies.isForm(request("payload=x", "Content-Type", "application/json"), "payload=x"))
                .isFalse();
        assertThat(WebhookBodies.isForm(request("  {\"a\":1}"), "  {\"a\":1}")).isFalse();
        assertThat(WebhookBodies.isForm(request("payload=x", "Content-Type", "text/plain"), "payload=x")).isTrue();
    }
}
