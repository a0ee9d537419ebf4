package dev.switchboard.schema.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's datasource for code that needs one outside JPA (schema migration, readiness). Looked up by
 * a configured name rather than with {@code @Resource(lookup = ...)}: a name without a {@code java:} prefix is a
 * server resource on Payara but means {@code java:comp/env/...} on WildFly, where the resource is bound at
 * {@code java:/jdbc/switchboard} (set by the WildFly set-up script). persistence.xml's plain name resolves on both.
 */
@ApplicationScoped
public class SwitchboardDataSource {

    @Inject
    @ConfigProperty(name = "datasource.jndi.name", defaultValue = "jdbc/switchboard")
    String name;

    @Produces
    DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("no datasource at " + name + " (datasource.jndi.name)", e);
        }
    }
}
