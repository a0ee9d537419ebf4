package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Runs one call to a platform under its {@link RetryPolicy}: retries what the policy retries, after the
 * backoff or the wait the platform stated, and hands back the last answer (or failure) otherwise. A wait
 * longer than the inline bound is not slept: {@link RateLimitedException} tells the caller to reschedule.
 * The policy engine is ours rather than MicroProfile Fault Tolerance's {@code @Retry}, which cannot wait
 * as long as a {@code Retry-After} says.
 */
@ApplicationScoped
public class PlatformCalls {

    private static final Logger LOG = Logger.getLogger(PlatformCalls.class.getName());

    @Inject
    RetryPolicies policies;

    @Inject
    MetricRegistry metrics;

    private final RandomGenerator random = RandomGenerator.getDefault();

    public Response call(Platform platform, Supplier<Response> call) {
        RetryPolicy policy = policies.policy(platform);
        LongWaitPolicy longWait = policies.longWaitPolicy();
        for (int attempt = 1; ; attempt++) {
            Response response = null;
            ProcessingException error = null;
            Failure failure;
            try {
                response = call.get();
                if (response.getStatus() < 400) {
                    count(platform, "ok");
                    return response;
                }
                response.bufferEntity();
                String body = response.hasEntity() ? response.readEntity(String.class) : "";
                failure = Failure.HttpStatus.of(platform, response.getStatus(), response.getStringHeaders(), body,
                        Instant.now());
            } catch (ProcessingException e) {
                error = e;
                failure = failureOf(e);
            }
            Optional<Duration> delay = policy.delayBeforeRetry(attempt, failure, random);
            if (delay.isEmpty()) {
                count(platform, error != null ? "error" : "status_" + response.getStatus());
                if (error != null) {
                    throw error;
                }
                return response;
            }
            if (longWait.decide(delay.get()) == LongWaitPolicy.Decision.RESCHEDULE) {
                count(platform, "rescheduled");
                throw new RateLimitedException(platform, delay.get());
            }
            if (response != null) {
                response.close();
            }
            count(platform, "retried");
            Duration wait = delay.get();
            String why = platform.id() + " call retried (" + attempt + ") in " + wait + " after " + describe(failure);
            LOG.fine(why);
            sleep(wait);
        }
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
        return failure instanceof Failure.HttpStatus status ? "HTTP " + status.status() : failure.getClass().getSimpleName();
    }

    private void count(Platform platform, String outcome) {
        metrics.counter("switchboard_platform_calls_total", new Tag("platform", platform.id()),
                new Tag("outcome", outcome)).inc();
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
