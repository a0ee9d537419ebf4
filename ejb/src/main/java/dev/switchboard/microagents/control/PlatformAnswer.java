package dev.switchboard.microagents.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/** A platform call's answer read and closed at once: status, body, the next page header. */
record PlatformAnswer(int status, String body, String nextPage) {

    static PlatformAnswer of(Supplier<Response> call) {
        try (Response response = call.get()) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return new PlatformAnswer(response.getStatus(), body, response.getHeaderString("X-Next-Page"));
        }
    }

    boolean ok() {
        return status == 200;
    }

    boolean notFound() {
        return status == 404;
    }

    JsonValue json() {
        try (var reader = Jsons.createReader(new StringReader(body))) {
            JsonStructure value = reader.read();
            return value;
        }
    }

    /** Anything but 200 or 404 stops the load: the caller must not see a partial set as complete. */
    PlatformAnswer expected(String what) {
        if (!ok() && !notFound()) {
            throw new RepositoryReadException(status, what + " answered HTTP " + status);
        }
        return this;
    }

    /** The {@code content} of a files API answer, base64 with line breaks (GitHub) or without (GitLab). */
    static String decodedContent(String base64) {
        return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
