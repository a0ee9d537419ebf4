package dev.switchboard.events.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final String PAYLOAD = """
            {"issue": {"number": 42, "body": null, "title": "Crash", "pull_request": {"url": "u"}},
             "sender": {"login": "octocat", "site_admin": false}, "labels": ["a"]}
            """;

    @Test
    void readsNestedFields() throws Exception {
        JsonObject root = EventJson.parse(PAYLOAD);

        assertThat(EventJson.string(root, "issue.title")).isEqualTo("Crash");
        assertThat(EventJson.number(root, "issue.number")).isEqualTo(42L);
        assertThat(EventJson.has(root, "issue.pull_request")).isTrue();
        assertThat(EventJson.has(root, "issue.assignee")).isFalse();
        assertThat(EventJson.flag(root, "sender.site_admin")).isFalse();
        assertThat(EventJson.array(root, "labels")).hasSize(1);
    }

    @Test
    void nullIsReadAsAbsent() throws Exception {
        JsonObject root = EventJson.parse(PAYLOAD);

        assertThat(EventJson.optionalString(root, "issue.body")).isEmpty();
        assertThat(EventJson.text(root, "issue.body")).isEmpty();
        assertThatThrownBy(() -> EventJson.string(root, "issue.body"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field 'issue.body' is missing");
    }

    @Test
    void wrongTypesAreMalformed() throws Exception {
        JsonObject root = EventJson.parse(PAYLOAD);

        assertThatThrownBy(() -> EventJson.string(root, "issue.number"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("field 'issue.number' is not a string");
        assertThatThrownBy(() -> EventJson.string(root, "issue.title.first"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("field 'issue.title' is not an object");
    }

    @Test
    void payloadsThatAreNotJsonObjectsAreMalformed() {
        assertThatThrownBy(() -> EventJson.parse("{\"a\": ")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.parse("[1, 2]")).isInstanceOf(MalformedEventException.class)
                .hasMessage("payload is not a JSON object");
        assertThatThrownBy(() -> EventJson.parse("  ")).isInstanceOf(MalformedEventException.class);
    }
}
