package dev.switchboard.schema.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date when the application deploys (Flyway, scripts in the
 * persistence module's db/migration). Hibernate never touches the schema.
 */
@Singleton
@Startup
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Inject
    DataSource dataSource;

    private volatile String version;

    // Flyway commits on its own connections: it must not run inside a container transaction.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        // nothing to apply leaves the target unset: the schema stays at the version it had
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion != null ? result.initialSchemaVersion : "empty";
        LOG.info(() -> "schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
    }

    /** The schema version this deployment migrated to; empty until the migration has finished. */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }
}
