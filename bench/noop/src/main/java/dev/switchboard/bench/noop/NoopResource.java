package dev.switchboard.bench.noop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The baseline for the server's own ceiling: the same request as a GitHub delivery, read in full (as intake
 * must before it can verify the signature) and answered 202, with no verification, no database and no broker.
 */
@Path("github")
public class NoopResource {

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response accept(byte[] body) {
        return Response.accepted().build();
    }

    /** JAX-RS root of the WAR: http://127.0.0.1:8080/noop/github. */
    @ApplicationPath("/")
    public static class NoopApplication extends Application {
    }
}
