package dev.switchboard.api.boundary;

import dev.switchboard.json.Jsons;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of every error answer: {@code {"error": "..."}}. */
public final class ErrorBody {

    private ErrorBody() {
    }

    public static Response response(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Jsons.createObjectBuilder().add("error", message).build().toString())
                .build();
    }

    public static Response response(Response.Status status, String message) {
        return response(status.getStatusCode(), message);
    }
}
