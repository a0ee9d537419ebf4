package dev.switchboard.ratelimits.control;

import jakarta.ws.rs.core.Response;

/**
 * A platform answered with a server error: thrown through {@link PlatformCircuits} so that the circuit
 * breaker counts it, and unwrapped right after, so that the retry policy still sees the response.
 */
public class PlatformFault extends RuntimeException {

    private final transient Response response;

    PlatformFault(Response response) {
        super("HTTP " + response.getStatus(), null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
