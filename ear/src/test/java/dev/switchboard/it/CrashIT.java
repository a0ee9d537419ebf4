package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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
 * {@code kill -9} of the server while signed deliveries keep arriving and are being processed, then a restart as an
 * operator would do it. Every delivery that was acknowledged is stored once and reaches its outcome; those that got
 * no answer are accepted when sent again; and each delivery's one side effect at GitHub (the comment asking the
 * requester to connect an account) happens exactly once — counted at the stub, not read from logs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrashIT {

    private static final Logger LOG = Logger.getLogger(CrashIT.class.getName());
    private static final int DELIVERIES = 240;
    private static final String COMMENTS = ProviderStubs.commentsOn("acme/crash", 77);
    private static final WireMockServer STUBS = ProviderStubs.start();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void aHardKillUnderLoadLosesNothingAndDoesNothingTwice() {
        ProviderStubs.octocatMayWrite("acme/crash", 77);
        String run = "it-crash-" + System.nanoTime() + "-";
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            samples.add(Sample.githubMention("acme/crash", 77, run + i));
        }

        RedeliveringSender sender = new RedeliveringSender(Duration.ofMinutes(4));
        sender.sendAll(samples, Duration.ofMillis(25)); // 40 deliveries a second for 6 s
        Database.sleep(2_500);
        ServerProcess.killHard();
        ServerProcess.startAndAwaitReady(Duration.ofMinutes(3));
        Map<String, Integer> answers = sender.awaitAnswers(DELIVERIES);
        LOG.info("crash run: " + sender.attempts() + " requests for " + DELIVERIES + " deliveries, "
                + sender.unanswered() + " unanswered while the server was down");

        assertThat(sender.unanswered()).as("requests that met the dead server").isPositive();
        assertThat(answers).as("a final answer for every delivery").hasSize(DELIVERIES);
        assertThat(answers.values()).as("every delivery acknowledged at last (202 or 200 duplicate)")
                .allMatch(status -> status == 202 || status == 200);
        for (Sample sample : samples) {
            assertThat(Database.countByDeliveryId("github", sample.deliveryId()))
                    .as("rows for " + sample.deliveryId()).isEqualTo(1);
        }
        awaitAllIgnored(run, Duration.ofMinutes(3));
        LOG.info("crash run: " + STUBS.findAll(getRequestedFor(urlPathEqualTo(COMMENTS))).size()
                + " comments looked for at GitHub by posts whose outcome the crash left unknown");
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(COMMENTS))))
                .as("one connect-your-account comment per delivery, none twice").hasSize(DELIVERIES);
    }

    private static void awaitAllIgnored(String run, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int done = 0;
        while (System.nanoTime() < deadline) {
            done = Database.queryInt("select count(*) from webhook_delivery where delivery_id like ? and status = 'IGNORED'",
                    run + "%");
            if (done == DELIVERIES) {
                return;
            }
            Database.sleep(500);
        }
        String statuses = Database.queryString("select string_agg(status || ':' || n, ', ') from (select status,"
                + " count(*) n from webhook_delivery where delivery_id like ? group by status) s", run + "%");
        throw new AssertionError(done + " of " + DELIVERIES + " deliveries IGNORED after " + timeout + ": " + statuses);
    }
}
