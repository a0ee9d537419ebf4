package dev.switchboard.ratelimits.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * One circuit breaker per platform around each single HTTP call (retries included, so an open circuit
 * also stops a retry sequence). Server errors and connection failures count; 4xx and rate limits do not:
 * they say nothing about the platform's health. The numbers are MicroProfile Fault Tolerance's and can be
 * overridden per platform, e.g. {@code dev.switchboard.ratelimits.control.PlatformCircuits/github/CircuitBreaker/delay=60000}
 * (environment: {@code DEV_SWITCHBOARD_RATELIMITS_CONTROL_PLATFORMCIRCUITS_GITHUB_CIRCUITBREAKER_DELAY}).
 * Callers pick the method from outside ({@link PlatformCalls}): a call from within this bean would not be
 * intercepted on every CDI container.
 */
@ApplicationScoped
public class PlatformCircuits {

    /** The default of {@code delay} below: how long an open circuit refuses calls. */
    public static final long DELAY_MS = 30_000;

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = DELAY_MS, successThreshold = 2,
            failOn = {PlatformFault.class, ProcessingException.class})
    public Response github(Supplier<Response> call) {
        return faultOnServerError(call);
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = DELAY_MS, successThreshold = 2,
            failOn = {PlatformFault.class, ProcessingException.class})
    public Response gitlab(Supplier<Response> call) {
        return faultOnServerError(call);
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = DELAY_MS, successThreshold = 2,
            failOn = {PlatformFault.class, ProcessingException.class})
    public Response jira(Supplier<Response> call) {
        return faultOnServerError(call);
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = DELAY_MS, successThreshold = 2,
            failOn = {PlatformFault.class, ProcessingException.class})
    public Response slack(Supplier<Response> call) {
        return faultOnServerError(call);
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = DELAY_MS, successThreshold = 2,
            failOn = {PlatformFault.class, ProcessingException.class})
    public Response stripe(Supplier<Response> call) {
        return faultOnServerError(call);
    }

    private static Response faultOnServerError(Supplier<Response> call) {
        Response response = call.get();
        if (response.getStatus() >= 500) {
            throw new PlatformFault(response);
        }
        return response;
    }
}
