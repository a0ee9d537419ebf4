package dev.switchboard.admin.boundary;

import dev.switchboard.schema.control.SchemaMigration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the database schema is migrated: until then no entity can be read or written, and an
 * orchestrator should neither route traffic nor run the liveness probe against the instance.
 */
@Startup
@ApplicationScoped
public class SchemaStartup implements HealthCheck {

    @EJB
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        try {
            return migration.version()
                    .map(version -> HealthCheckResponse.named("schema").up().withData("version", version).build())
                    .orElseGet(() -> HealthCheckResponse.named("schema").down().build());
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("schema").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
