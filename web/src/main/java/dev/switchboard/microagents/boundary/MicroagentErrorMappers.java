package dev.switchboard.microagents.boundary;

import dev.switchboard.api.boundary.ErrorBody;
import dev.switchboard.microagents.control.RepositoryNotFoundException;
import dev.switchboard.microagents.control.RepositoryReadException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Repository read errors in the JSON error shape. */
public final class MicroagentErrorMappers {

    private MicroagentErrorMappers() {
    }

    @Provider
    public static class NotFound implements ExceptionMapper<RepositoryNotFoundException> {
        @Override
        public Response toResponse(RepositoryNotFoundException e) {
            return ErrorBody.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /** The platform refused the user's token (403) or failed (502). */
    @Provider
    public static class ReadFailed implements ExceptionMapper<RepositoryReadException> {
        @Override
        public Response toResponse(RepositoryReadException e) {
            Response.Status status = e.status() == 401 || e.status() == 403 ? Response.Status.FORBIDDEN
                    : Response.Status.BAD_GATEWAY;
            return ErrorBody.response(status, e.getMessage());
        }
    }
}
