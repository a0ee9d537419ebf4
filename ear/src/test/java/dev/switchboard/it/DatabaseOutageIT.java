package dev.switchboard.it;

import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With the database unreachable nothing is acknowledged: 503, and the platform's redelivery is accepted later. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    static {
        ProviderStubs.start(); // the sample's GitHub (installation 4242) answers processing
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void intakeAnswers503WhileTheDatabaseIsDownAndAcceptsTheRedeliveryAfterwards() throws Exception {
        Sample sample = Sample.githubIssueComment("it-outage-" + System.nanoTime(), "@openhands hello");
        String database = System.getProperty("switchboard.db.url").replaceAll(".*/", "").replaceAll("\\?.*", "");
        try {
            admin("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND pid <> pg_backend_pid()");
            HttpResponse<String> refused = sample.send();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(json(refused.body()).getString("error")).isNotBlank();
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(Server.get("/health/ready", null).statusCode()).isEqualTo(503);
        } finally {
            admin("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
        }
        assertThat(Database.countByDeliveryId("github", sample.deliveryId())).isZero();
        HttpResponse<String> redelivered = sample.send();
        assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(202);
        Database.awaitStatus(json(redelivered.body()).getString("id"), java.time.Duration.ofSeconds(30), "IGNORED");
    }

    /** Statements about the test database are run from the maintenance database. */
    private static void admin(String sql) throws SQLException {
        String url = System.getProperty("switchboard.db.url").replaceAll("/[^/?]+(\\?.*)?$", "/postgres");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
