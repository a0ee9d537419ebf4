package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract's response table ("Inbound webhooks"), row by row, for all five platforms. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookIntakeIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void newDeliveryIsStoredAndQueuedThenADuplicateIsAnsweredWithTheFirstId() {
        List<String> redeliveries = new ArrayList<>();
        for (PlatformCase p : PlatformCase.all()) {
            Sample sample = p.fresh();
            HttpResponse<String> first = sample.send();
            assertThat(first.statusCode()).as(p + " first").isEqualTo(202);
            JsonObject ack = json(first.body());
            assertThat(ack.getString("status")).isEqualTo("queued");
            String id = ack.getString("id");
            assertThat(Database.row(id)).as(p + " stored").isPresent();
            assertThat(Database.row(id).get().get("delivery_id")).isEqualTo(sample.deliveryId());

            HttpResponse<String> again = sample.send();
            assertThat(again.statusCode()).as(p + " redelivery").isEqualTo(200);
            assertThat(json(again.body()).getString("status")).isEqualTo("duplicate");
            assertThat(json(again.body()).getString("id")).isEqualTo(id);
            assertThat(Database.countByDeliveryId(p.platform(), sample.deliveryId())).isEqualTo(1);
            redeliveries.add(sample.deliveryId());
        }
        // an expected duplicate is no error for the operator: no log line names its key (the log is written
        // asynchronously, hence the pause)
        Database.sleep(1000);
        List<String> noisy = ServerLog.all().lines().filter(l -> l.contains("already exists")
                && redeliveries.stream().anyMatch(l::contains)).toList();
        assertThat(noisy).as("log lines about the redeliveries' duplicate keys").isEmpty();
    }

    @Test
    void missingWrongOrTamperedSignaturesAre403AndNothingIsStored() {
        for (PlatformCase p : PlatformCase.all()) {
            List<Sample> forged = new ArrayList<>();
            forged.add(p.fresh().withHeader(p.signatureHeader(), null));
            forged.add(p.fresh().withHeader(p.signatureHeader(), "sha256=" + "0".repeat(64)));
            forged.add(p.fresh().withHeader(p.signatureHeader(), "garbage"));
            if (p.bodySigned()) {
                Sample valid = p.fresh();
                byte[] tampered = Arrays.copyOf(valid.body(), valid.body().length);
                tampered[tampered.length / 2] ^= 1;
                forged.add(valid.withBody(tampered));
            }
            for (Sample sample : forged) {
                HttpResponse<String> response = sample.send();
                assertThat(response.statusCode()).as(p + " " + sample.headers()).isEqualTo(403);
                assertThat(json(response.body()).getString("error")).isNotBlank().doesNotContain("secret");
                assertThat(Database.countByDeliveryId(p.platform(), sample.deliveryId())).isZero();
            }
        }
    }

    @Test
    void slackAndStripeTimestampsOutsideFiveMinutesOnEitherSideAre403() {
        for (long skew : new long[] {-301, 301}) {
            long ts = Signed.now() + skew;
            Sample slack = Sample.slackAppMention("Ev-stale-" + skew + "-" + System.nanoTime());
            slack = new Sample("slack", slack.path(), slack.deliveryId(),
                    Signed.slack(slack.body(), ts, "application/json"), slack.body());
            assertThat(slack.send().statusCode()).as("slack skew " + skew).isEqualTo(403);

            Sample stripe = Sample.stripeCustomerCreated("evt_stale" + skew + System.nanoTime());
            stripe = new Sample("stripe", stripe.path(), stripe.deliveryId(),
                    Signed.stripe(stripe.body(), ts), stripe.body());
            assertThat(stripe.send().statusCode()).as("stripe skew " + skew).isEqualTo(403);
            assertThat(Database.countByDeliveryId("slack", slack.deliveryId())).isZero();
            assertThat(Database.countByDeliveryId("stripe", stripe.deliveryId())).isZero();
        }
    }

    @Test
    void authenticButMalformedBodiesAre400AndNothingIsStored() {
        int before = Database.countAll();
        for (PlatformCase p : PlatformCase.all()) {
            for (String junk : List.of("this is not json", "[1,2,3]", "")) {
                HttpResponse<String> response = p.signed(Sample.utf8(junk)).send();
                assertThat(response.statusCode()).as(p + " body '" + junk + "'").isEqualTo(400);
                assertThat(json(response.body()).getString("error")).isNotBlank();
            }
        }
        Sample noDeliveryHeader = Sample.githubPing("x").withHeader("X-GitHub-Delivery", null);
        noDeliveryHeader = new Sample("github", noDeliveryHeader.path(), null, noDeliveryHeader.headers(),
                noDeliveryHeader.body());
        assertThat(noDeliveryHeader.send().statusCode()).isEqualTo(400);
        assertThat(Database.countAll()).isEqualTo(before);
    }

    @Test
    void bodiesOverTheLimitAre413AndNothingIsStored() {
        int before = Database.countAll();
        byte[] huge = new byte[26_214_401];
        Arrays.fill(huge, (byte) 'a');
        for (PlatformCase p : PlatformCase.all()) {
            HttpResponse<String> response = p.fresh().withBody(huge).send();
            assertThat(response.statusCode()).as(p.platform()).isEqualTo(413);
            assertThat(json(response.body()).getString("error")).contains("26214400");
        }
        assertThat(Database.countAll()).isEqualTo(before);
    }

    @Test
    void aSwitchedOffPlatformAnswers503AndStoresNothing() {
        for (PlatformCase p : PlatformCase.all()) {
            String property = p.platform() + ".webhooks.enabled";
            Server.asadmin("set-config-property", "--source=domain", "--propertyName=" + property,
                    "--propertyValue=false");
            try {
                Sample sample = p.fresh();
                HttpResponse<String> response = sample.send();
                assertThat(response.statusCode()).as(p.platform()).isEqualTo(503);
                assertThat(json(response.body()).getString("error")).isEqualTo(p.platform() + " webhooks are disabled");
                assertThat(Database.countByDeliveryId(p.platform(), sample.deliveryId())).isZero();
            } finally {
                Server.asadmin("delete-config-property", "--source=domain", "--propertyName=" + property);
            }
            assertThat(p.fresh().send().statusCode()).as(p + " back on").isEqualTo(202);
        }
    }

    @Test
    void slackUrlVerificationIsAnsweredWithTheChallengeAndNotStored() {
        int before = Database.countAll();
        HttpResponse<String> response = Sample.slackUrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P").send();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).getString("challenge"))
                .isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        assertThat(Database.countAll()).isEqualTo(before);
    }

    @Test
    void slackInteractionsAreDedupedByTheirRawBody() {
        Sample interaction = Sample.slackBlockActions("acme/api-" + System.nanoTime());
        assertThat(interaction.send().statusCode()).isEqualTo(202);
        assertThat(interaction.send().statusCode()).isEqualTo(200);
    }

    @Test
    void githubFormEncodedDeliveriesAreAccepted() {
        String deliveryId = "form-" + System.nanoTime();
        String payload = new String(Sample.githubPing(deliveryId).body(), java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = Sample.utf8("payload=" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8));
        var headers = Signed.github("ping", deliveryId, body);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        HttpResponse<String> response = Server.post("/api/webhooks/github", headers, body);
        assertThat(response.statusCode()).isEqualTo(202);
        String stored = (String) Database.row(json(response.body()).getString("id")).orElseThrow().get("payload");
        assertThat(json(stored).getString("zen")).isEqualTo("Keep it logically awesome.");
    }

    @Test
    void fiftyConcurrentCopiesOfOneDeliveryGetExactlyOne202() throws Exception {
        for (PlatformCase p : PlatformCase.all()) {
            Sample sample = p.fresh();
            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return sample.send();
                }));
            }
            start.countDown();
            int accepted = 0;
            int duplicates = 0;
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> f : responses) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(p + " " + r.body()).isIn(200, 202);
                accepted += r.statusCode() == 202 ? 1 : 0;
                duplicates += r.statusCode() == 200 ? 1 : 0;
                ids.add(json(r.body()).getString("id"));
            }
            pool.shutdown();
            assertThat(accepted).as(p.platform()).isEqualTo(1);
            assertThat(duplicates).isEqualTo(49);
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(Database.countByDeliveryId(p.platform(), sample.deliveryId())).isEqualTo(1);
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void noWebhookSecretReachedTheLog() {
        ServerLog.containsNone(Signed.GITHUB_SECRET, Signed.GITLAB_SECRET, Signed.JIRA_SECRET, Signed.SLACK_SECRET,
                Signed.STRIPE_SECRET);
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
