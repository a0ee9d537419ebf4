package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poison deliveries among good ones, and a graceful restart of the domain (its JMS broker with it) while
 * messages are queued and being processed: counted in the database and at the GitHub stub.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PoisonAndBrokerRestartIT {

    private static final Logger LOG = Logger.getLogger(PoisonAndBrokerRestartIT.class.getName());
    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void poisonDeliveriesGoDeadWithoutHoldingUpTheOnesDeliveredWithThem() {
        String run = "it-poison-" + System.nanoTime() + "-";
        List<String> poison = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i % 10 == 0) {
                poison.add(accepted(Sample.githubPoison(run + "p" + i)));
            }
            good.add(accepted(Sample.githubIssueComment(run + "g" + i, "@openhands fix it")));
        }
        for (String id : good) {
            Map<String, Object> row = Database.awaitStatus(id, WAIT, "IGNORED", "PROCESSED", "DEAD");
            assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        }
        for (String id : poison) {
            Map<String, Object> row = Database.awaitStatus(id, WAIT, "DEAD", "IGNORED", "PROCESSED");
            assertThat(row.get("status")).isEqualTo("DEAD");
            assertThat(row.get("attempts")).as("DELIVERY_MAX_ATTEMPTS in ear/pom.xml").isEqualTo(3);
            assertThat((String) row.get("last_error")).isNotBlank();
        }
        Database.sleep(1_500);
        for (String id : poison) {
            assertThat(Database.row(id).orElseThrow()).as("dead stays dead, not retried again")
                    .containsEntry("status", "DEAD").containsEntry("attempts", 3);
        }
    }

    /**
     * Every delivery acknowledged before a graceful restart is processed after it, once: none lost with the broker's
     * in-flight messages, and none posted twice although posts were under way when the server went down.
     */
    @Test
    void aGracefulRestartWithMessagesInFlightLosesNothingAndPostsNothingTwice() {
        int deliveries = 120;
        String repo = "acme/restart";
        int issue = 78;
        ProviderStubs.octocatMayWrite(repo, issue);
        // GitHub answers slowly: posts are under way and messages queued behind them when the restart comes
        STUBS.stubFor(post(urlPathEqualTo(ProviderStubs.commentsOn(repo, issue))).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":" + issue + "}").withFixedDelay(600)));
        String run = "it-restart-" + System.nanoTime() + "-";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            ids.add(accepted(Sample.githubMention(repo, issue, run + i)));
        }
        int unfinished = Database.queryInt("select count(*) from webhook_delivery where delivery_id like ?"
                + " and status in ('QUEUED', 'PROCESSING', 'FAILED')", run + "%");
        LOG.info("graceful restart with " + unfinished + " of " + deliveries + " deliveries not yet processed");
        assertThat(unfinished).as("messages in flight when the restart comes").isPositive();

        ServerProcess.restartAndAwaitReady(Duration.ofMinutes(3));

        for (String id : ids) {
            Map<String, Object> row = Database.awaitStatus(id, Duration.ofMinutes(2), "IGNORED", "PROCESSED", "DEAD");
            assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        }
        assertThat(Database.queryInt("select count(*) from webhook_delivery where delivery_id like ?", run + "%"))
                .as("each delivery stored once").isEqualTo(deliveries);
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(ProviderStubs.commentsOn(repo, issue)))))
                .as("one connect-your-account comment per delivery, none twice").hasSize(deliveries);
    }

    private static String accepted(Sample sample) {
        HttpResponse<String> response = sample.send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response.body()).getString("id");
    }
}
