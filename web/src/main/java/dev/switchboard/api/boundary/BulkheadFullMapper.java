package dev.switchboard.api.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/** Too many platform checks at once: 503, try again in a second. */
@Provider
public class BulkheadFullMapper implements ExceptionMapper<BulkheadException> {

    @Override
    public Response toResponse(BulkheadException e) {
        return Response.fromResponse(ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE,
                "too many platform checks at once; try again")).header("Retry-After", 1).build();
    }
}
