package dev.switchboard.slack.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SlackCursorTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void readsTheNextCursor() {
        assertThat(SlackCursor.next(json("""
                {"ok": true, "messages": [{"ts": "1710937200.000200"}], "has_more": true,
                 "response_metadata": {"next_cursor": "bmV4dF90czoxNzEwOTM3MjAwMDAwNDAw"}}
                """))).contains("bmV4dF90czoxNzEwOTM3MjAwMDAwNDAw");
    }

    @Test
    void anEmptyCursorEndsTheListing() {
        assertThat(SlackCursor.next(json("{\"ok\": true, \"response_metadata\": {\"next_cursor\": \"\"}}"))).isEmpty();
    }

    @Test
    void noMetadataEndsTheListing() {
        assertThat(SlackCursor.next(json("{\"ok\": true, \"messages\": []}"))).isEmpty();
        assertThat(SlackCursor.next(json("{\"ok\": true, \"response_metadata\": {\"warnings\": [\"missing_charset\"]}}")))
                .isEmpty();
        assertThat(SlackCursor.next(json("{\"ok\": true, \"response_metadata\": {\"next_cursor\": null}}"))).isEmpty();
    }
}
