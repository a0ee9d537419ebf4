package dev.switchboard.admin.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN until this web module serves requests. Payara registers the module's health checks as soon as its CDI container
 * is up, a moment before the module's paths are mapped: a restarted instance said ready (database, broker UP) while
 * its webhooks still answered the server's own 404 and 500 pages, which a load balancer would have passed on to
 * GitHub (found by ClusterIT). The module's servlet context being initialized is the signal that it serves.
 */
@Readiness
@ApplicationScoped
public class ServingReadiness implements HealthCheck {

    private volatile boolean serving;

    void started(@Observes @Initialized(ApplicationScoped.class) Object servletContext) {
        serving = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("serving").status(serving).build();
    }
}
