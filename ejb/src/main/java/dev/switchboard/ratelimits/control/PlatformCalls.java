package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.metrics.control.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Runs one operation on a platform the way every call must run: held back while a limit stated earlier is
 * in force ({@link PlatformGovernor}), through the platform's circuit breaker ({@link PlatformCircuits}),
 * repeated under its {@link RetryPolicy} after the backoff or the wait the platform stated, and measured.
 * It hands back the last answer (or failure). A wait longer than the inline bound is not slept:
 * {@link RateLimitedException} tells the caller to reschedule. The retry engine is ours rather than
 * MicroProfile Fault Tolerance's {@code @Retry}, which cannot wait as long as a {@code Retry-After} says.
 * Callers do not use this directly: {@code PlatformClients} hands out clients whose every method runs here.
 */
@ApplicationScoped
public class PlatformCalls {

    private static final Logger LOG = Logger.getLogger(PlatformCalls.class.getName());

    @Inject
    RetryPolicies policies;

    @Inject
    PlatformGovernor governor;

    @Inject
    PlatformCircuits circuits;

    @Inject
    CircuitStates circuitStates;

    @Inject
    Metrics metrics;

    private final RandomGenerator random = RandomGenerator.getDefault();

    /**
     * @param operation the client method, for metrics and logs
     * @param tokenKey  who the call is made as ({@link TokenKeys}), the scope of per-token limits
     */
    public Response call(Platform platform, String operation, String tokenKey, Supplier<Response> call) {
        return call(platform, operation, tokenKey, false, call);
    }

    /**
     * @param nonIdempotent the operation creates something each time it is received ({@link NonIdempotent}): it
     *                      is not repeated after a failure that may have come after the platform received it
     */
    public Response call(Platform platform, String operation, String tokenKey, boolean nonIdempotent,
            Supplier<Response> call) {
        RetryPolicy policy = policies.policy(platform);
        LongWaitPolicy longWait = policies.longWaitPolicy();
        for (int attempt = 1; ; attempt++) {
            holdBack(platform, operation, tokenKey, longWait);
            Response response = null;
            ProcessingException error = null;
            Optional<Failure> failure;
            long started = System.nanoTime();
            try {
                response = throughCircuit(platform, () -> readFully(call.get()));
                circuitStates.passed(platform);
                failure = failureOf(platform, response);
            } catch (PlatformFault fault) {
                response = fault.response();
                failure = failureOf(platform, response);
            } catch (ProcessingException e) {
                error = e;
                failure = Optional.of(failureOf(e));
            } catch (CircuitBreakerOpenException e) {
                count(platform, operation, "circuit_open");
                circuitStates.refused(platform, Instant.now());
                throw new PlatformUnavailableException(platform, circuitStates.openDelay(platform));
            } finally {
                metrics.time("switchboard_platform_call", Duration.ofNanos(System.nanoTime() - started),
                        "platform", platform.id(), "operation", operation);
            }
            if (failure.isEmpty()) {
                noteQuota(platform, tokenKey, response);
                count(platform, operation, "ok");
                return response;
            }
            if (failure.get().verdict() instanceof RateLimitVerdict.Wait wait) {
                governor.record(platform, wait, tokenKey, Instant.now());
            }
            Optional<Duration> delay = error != null && nonIdempotent && mayHaveBeenReceived(error)
                    ? Optional.empty() : policy.delayBeforeRetry(attempt, failure.get(), random);
            if (delay.isEmpty()) {
                count(platform, operation, error != null ? "error" : "status_" + response.getStatus());
                if (error != null) {
                    throw error;
                }
                return response;
            }
            if (longWait.decide(delay.get()) == LongWaitPolicy.Decision.RESCHEDULE) {
                count(platform, operation, "rescheduled");
                if (response != null) {
                    response.close();
                }
                throw new RateLimitedException(platform, delay.get());
            }
            if (response != null) {
                response.close();
            }
            count(platform, operation, "retried");
            Duration wait = delay.get();
            String failed = describe(failure.get());
            int retry = attempt;
            LOG.fine(() -> platform.id() + " " + operation + " retried (" + retry + ") in " + wait + " after " + failed);
            sleep(wait);
        }
    }

    /**
     * Reads the answer's body while the call is still guarded: a connection that breaks or a body that is garbage
     * half-way through is a failed call (counted by the breaker, under the retry policy), not a surprise for the
     * caller after the breaker has counted a success.
     */
    private static Response readFully(Response response) {
        try {
            response.bufferEntity();
        } catch (IllegalStateException e) {
            // no entity to buffer (e.g. a HEAD or 204): nothing to read
        } catch (ProcessingException e) {
            response.close();
            throw e;
        }
        return response;
    }

    /**
     * Whether a failed call may have been received by the platform. Only a refused or unresolvable connection and a
     * connect timeout prove that nothing was sent.
     */
    static boolean mayHaveBeenReceived(ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return false;
            }
        }
        Failure failure = failureOf(e);
        return !(failure instanceof Failure.Timeout timeout && timeout.phase() == Failure.Timeout.Phase.CONNECT);
    }

    private Response throughCircuit(Platform platform, Supplier<Response> call) {
        return switch (platform) {
            case GITHUB -> circuits.github(call);
            case GITLAB -> circuits.gitlab(call);
            case JIRA -> circuits.jira(call);
            case SLACK -> circuits.slack(call);
            case STRIPE -> circuits.stripe(call);
        };
    }

    /** Waits out a limit in force, or gives the work back when the wait is longer than may be slept here. */
    private void holdBack(Platform platform, String operation, String tokenKey, LongWaitPolicy longWait) {
        Instant now = Instant.now();
        Optional<PlatformGovernor.Limit> limit = governor.inForce(platform, tokenKey, now);
        if (limit.isEmpty()) {
            return;
        }
        Duration wait = limit.get().remaining(now);
        if (longWait.decide(wait) == LongWaitPolicy.Decision.RESCHEDULE) {
            count(platform, operation, "held_back");
            throw new RateLimitedException(platform, wait);
        }
        sleep(wait);
    }

    private void noteQuota(Platform platform, String tokenKey, Response response) {
        RateLimitHeaders.exhausted(platform, response.getStringHeaders(), Instant.now())
                .ifPresent(wait -> governor.record(platform, wait, tokenKey, Instant.now()));
    }

    /**
     * What went wrong with an answer, if anything: a 4xx/5xx, or Slack's {@code ok:false} with a rate limit
     * or a transient error under HTTP 200 (other Slack errors are answers for the caller, not failures).
     */
    private static Optional<Failure> failureOf(Platform platform, Response response) {
        boolean slack = platform == Platform.SLACK;
        if (response.getStatus() < 400 && !slack) {
            return Optional.empty();
        }
        response.bufferEntity();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        Instant now = Instant.now();
        if (response.getStatus() >= 400) {
            return Optional.of(Failure.HttpStatus.of(platform, response.getStatus(), response.getStringHeaders(), body,
                    now));
        }
        return RateLimitHeaders.slackError(body).map(code -> new Failure.SlackError(code,
                RateLimitHeaders.slack(response.getStatus(), response.getStringHeaders(), body, now)))
                .filter(error -> error.isRateLimited() || error.isTransient()).map(Failure.class::cast);
    }

    private static Failure failureOf(ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException timeout) {
                String message = timeout.getMessage() == null ? "" : timeout.getMessage().toLowerCase(Locale.ROOT);
                return new Failure.Timeout(message.contains("connect") ? Failure.Timeout.Phase.CONNECT
                        : Failure.Timeout.Phase.READ);
            }
        }
        return new Failure.ConnectionError();
    }

    private static String describe(Failure failure) {
        if (failure instanceof Failure.HttpStatus status) {
            return "HTTP " + status.status();
        }
        if (failure instanceof Failure.SlackError slack) {
            return "Slack error " + slack.code();
        }
        return failure.getClass().getSimpleName();
    }

    private void count(Platform platform, String operation, String outcome) {
        metrics.count("switchboard_platform_calls_total", "platform", platform.id(), "operation", operation,
                "outcome", outcome);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
