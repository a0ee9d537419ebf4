package dev.switchboard.api.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failure nobody anticipated: logged in full under a reference, answered as JSON with only that
 * reference, so that no internal detail (let alone a secret) reaches the caller.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error " + reference, e);
        return ErrorBody.response(Response.Status.INTERNAL_SERVER_ERROR, "internal error (reference " + reference + ")");
    }
}
