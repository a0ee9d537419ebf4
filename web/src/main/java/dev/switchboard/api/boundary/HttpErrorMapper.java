package dev.switchboard.api.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (404, 405, 415, ...) in the JSON error shape, keeping their status. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        // JAX-RS fills in "HTTP 404 Not Found" when no message was given; ours are worth showing
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                ? status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT) : e.getMessage();
        return ErrorBody.response(status.getStatusCode(), message);
    }
}
