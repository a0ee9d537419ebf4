package dev.switchboard.api.boundary;

import dev.switchboard.ratelimits.control.RateLimitedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A platform's rate limit outlasts what a request may wait: 503 with when to come back. */
@Provider
public class RateLimitedMapper implements ExceptionMapper<RateLimitedException> {

    @Override
    public Response toResponse(RateLimitedException e) {
        return Response.fromResponse(ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                .header("Retry-After", Math.max(1, e.waitFor().toSeconds())).build();
    }
}
