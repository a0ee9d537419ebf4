package dev.switchboard.deliveries.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WellFormedRequestTest {

    private static WebhookHeaders type(String contentType) {
        return WebhookHeaders.ofSingle(Map.of("Content-Type", contentType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json; charset=UTF-8",
        "application/json;charset=\"utf-8\"", "application/x-www-form-urlencoded", "Application/JSON", ""})
    void thePlatformsContentTypesPass(String contentType) {
        assertThatCode(() -> WellFormedRequest.contentType("github", type(contentType))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/plain", "multipart/form-data; boundary=x",
        "application/json; charset=iso-8859-1", "application/json; charset=x-no-such-charset", "application/jsonx"})
    void otherContentTypesAreMalformed(String contentType) {
        assertThatThrownBy(() -> WellFormedRequest.contentType("github", type(contentType)))
                .isInstanceOf(MalformedWebhookException.class);
    }

    @Test
    void deliveryFieldsMustFitWhatIsStored() {
        assertThatCode(() -> WellFormedRequest.delivery("gitlab", new Reception.Delivery(
                "0ef3c3e1-7f1e-4b5c-9a4c-1d2e3f4a5b6c", "Note Hook", "create", "5", "{}"))).doesNotThrowAnyException();
        assertThatCode(() -> WellFormedRequest.delivery("jira", new Reception.Delivery(
                "evt_1", "jira:issue_updated", null, null, "{}"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> WellFormedRequest.delivery("github", new Reception.Delivery(
                "x".repeat(256), "ping", null, null, "{}"))).hasMessageContaining("delivery id");
        assertThatThrownBy(() -> WellFormedRequest.delivery("github", new Reception.Delivery(
                "id with space", "ping", null, null, "{}"))).hasMessageContaining("delivery id");
        assertThatThrownBy(() -> WellFormedRequest.delivery("github", new Reception.Delivery(
                "id", "p\u00efng", null, null, "{}"))).hasMessageContaining("event name");
        assertThatThrownBy(() -> WellFormedRequest.delivery("github", new Reception.Delivery(
                "id", "ping", "a".repeat(101), null, "{}"))).hasMessageContaining("action");
    }
}
