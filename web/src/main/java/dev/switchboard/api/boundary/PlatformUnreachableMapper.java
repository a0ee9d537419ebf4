package dev.switchboard.api.boundary;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * A platform that could not be reached or answered garbage, after its retry policy gave up: a 502 like a platform's
 * refusal, not an internal error. Only client failures with an I/O cause are this; any other processing failure stays
 * unexpected.
 */
@Provider
public class PlatformUnreachableMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(PlatformUnreachableMapper.class.getName());

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                LOG.warning(() -> "a platform could not be reached: " + io.getClass().getSimpleName());
                return ErrorBody.response(Response.Status.BAD_GATEWAY, "the platform could not be reached");
            }
        }
        return new UnexpectedErrorMapper().toResponse(e);
    }
}
