package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Platforms deliver at least once: the same delivery many times, at once and long after, Slack's retries re-signed
 * with new timestamps and retry headers. One row, one 202, one effect at the platform — whenever the copies come,
 * because the dedupe is the database's unique key, not a cache that forgets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeliveryStormIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final int COPIES = 100;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void aHundredConcurrentCopiesAndAHundredLateOnesHaveOneEffect() throws Exception {
        ProviderStubs.octocatMayWrite("acme/storm", 88);
        Sample sample = Sample.githubMention("acme/storm", 88, "it-storm-" + System.nanoTime());

        List<HttpResponse<String>> burst = concurrently(COPIES, sample::send);
        List<String> ids = new ArrayList<>();
        int queued = 0;
        for (HttpResponse<String> response : burst) {
            assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
            queued += response.statusCode() == 202 ? 1 : 0;
            ids.add(json(response.body()).getString("id"));
        }
        assertThat(queued).as("202s among %d concurrent copies", COPIES).isEqualTo(1);
        assertThat(ids).as("every copy names the one stored delivery").containsOnly(ids.get(0));
        Database.awaitStatus(ids.get(0), Duration.ofSeconds(30), "IGNORED");

        // the platform keeps redelivering long after the first was processed (no TTL: the dedupe never forgets);
        // an hour of redeliveries on a simulated clock: before every 20th copy the stored delivery ages 12 minutes
        for (int i = 0; i < COPIES; i++) {
            if (i % 20 == 0) {
                Database.execute("update webhook_delivery set received_at = received_at - interval '12 minutes',"
                        + " updated_at = updated_at - interval '12 minutes' where id = '" + ids.get(0) + "'");
            }
            HttpResponse<String> late = sample.send();
            assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
            assertThat(json(late.body()).getString("status")).isEqualTo("duplicate");
        }
        assertThat(Database.countByDeliveryId("github", sample.deliveryId())).isEqualTo(1);
        assertThat(Database.queryInt("select attempts from webhook_delivery where id = ?", ids.get(0)))
                .as("processed once").isEqualTo(1);
        assertThat(Database.queryInt("select count(*) from webhook_delivery where id = ? and status = 'IGNORED'"
                + " and received_at < now() - interval '59 minutes'", ids.get(0))).as("an hour old, still the one").isEqualTo(1);
        Database.sleep(1_000);
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(ProviderStubs.commentsOn("acme/storm", 88)))))
                .as("one comment for 200 copies").hasSize(1);
    }

    @Test
    void slackRetriesResignedWithNewTimestampsAreOneDelivery() throws Exception {
        String eventId = "EvStorm" + System.nanoTime();
        Sample first = Sample.slackAppMention(eventId);
        List<HttpResponse<String>> retries = concurrently(30, () -> {
            int retry = (int) (Thread.currentThread().getId() % 3) + 1;
            long timestamp = Signed.now() - retry; // each retry signed when Slack sent it
            return first.withHeaders(Signed.slack(first.body(), timestamp, "application/json"))
                    .withHeader("X-Slack-Retry-Num", Integer.toString(retry))
                    .withHeader("X-Slack-Retry-Reason", "http_timeout").send();
        });
        int queued = 0;
        for (HttpResponse<String> response : retries) {
            assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
            queued += response.statusCode() == 202 ? 1 : 0;
        }
        assertThat(queued).isEqualTo(1);
        assertThat(Database.countByDeliveryId("slack", eventId)).isEqualTo(1);
    }

    private static <T> List<T> concurrently(int copies, Callable<T> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                calls.add(send);
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
