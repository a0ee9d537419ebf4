package dev.switchboard.deliveries.boundary;

import dev.switchboard.api.boundary.ErrorBody;
import dev.switchboard.deliveries.control.WebhookRejection;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused webhook: the status its reason fixes, and the JSON error body. */
@Provider
public class WebhookRejectionMapper implements ExceptionMapper<WebhookRejection> {

    @Override
    public Response toResponse(WebhookRejection rejection) {
        Response response = ErrorBody.response(rejection.reason().status(), rejection.getMessage());
        if (rejection.reason() == WebhookRejection.Reason.UNAVAILABLE) {
            return Response.fromResponse(response).header("Retry-After", "30").build();
        }
        return response;
    }
}
