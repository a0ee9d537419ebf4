package dev.switchboard.it;

import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stored deliveries travel through the server's JMS broker to their platform's manager, once. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliveryProcessingIT {

    static {
        ProviderStubs.start(); // the sample's GitHub (installation 4242) answers processing
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void aMentionOnAGitHubIssueIsProcessedWithTheJobDecisionRecorded() {
        // the sample's octocat has no linked account (ProviderStubs): asked to connect one, no job (GitHubJobsIT)
        String id = accepted(Sample.githubIssueComment("it-mention-" + System.nanoTime(),
                "@openhands please fix the flaky test"));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).contains("octocat").contains("acme/api#7");
        assertThat(row.get("attempts")).isEqualTo(1);
    }

    @Test
    void aCommentWithoutMentionIsIgnoredWithTheReason() {
        String id = accepted(Sample.githubIssueComment("it-plain-" + System.nanoTime(), "just a remark"));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).containsIgnoringCase("mention");
    }

    @Test
    void everyPlatformsDeliveriesReachTheirManager() {
        for (PlatformCase p : PlatformCase.all()) {
            String id = accepted(p.fresh());
            Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
            assertThat(row.get("status")).as(p + " " + row).isIn("PROCESSED", "IGNORED");
            assertThat((String) row.get("outcome")).as(p.platform()).isNotBlank();
        }
    }

    @Test
    void aRedeliveryOfAProcessedDeliveryIsNotProcessedAgain() {
        Sample sample = Sample.githubIssueComment("it-once-" + System.nanoTime(), "@openhands go");
        String id = accepted(sample);
        Map<String, Object> first = Database.awaitStatus(id, WAIT, "IGNORED");
        HttpResponse<String> again = sample.send();
        assertThat(again.statusCode()).isEqualTo(200);
        Database.sleep(1500);
        Map<String, Object> later = Database.row(id).orElseThrow();
        assertThat(later.get("attempts")).isEqualTo(1);
        assertThat(later.get("updated_at")).isEqualTo(first.get("updated_at"));
        assertThat(later.get("version")).isEqualTo(first.get("version"));
    }

    @Test
    void aManagerThatThrowsIsRetriedWithBackoffUntilTheDeliveryIsDead() {
        // an issue_comment without its comment: the GitHub manager cannot read it and throws every time
        String deliveryId = "it-broken-" + System.nanoTime();
        byte[] body = Sample.utf8("""
                {"action":"created","issue":{"number":7,"title":"t"},
                 "repository":{"full_name":"acme/api"},"sender":{"login":"octocat","type":"User"}}
                """);
        String id = accepted(new Sample("github", "/api/webhooks/github", deliveryId,
                Signed.github("issue_comment", deliveryId, body), body));
        Map<String, Object> dead = Database.awaitStatus(id, WAIT, "DEAD", "PROCESSED", "IGNORED");
        assertThat(dead.get("status")).isEqualTo("DEAD");
        assertThat(dead.get("attempts")).isEqualTo(3); // DELIVERY_MAX_ATTEMPTS in ear/pom.xml
        assertThat((String) dead.get("last_error")).isNotBlank();
    }

    @Test
    void aFailingDeliveryGoesDeadAndAReplayProcessesItOnceTheFaultIsGone() throws Exception {
        // The database itself refuses to record an outcome for this delivery: every attempt rolls back.
        String deliveryId = "it-flaky-" + System.nanoTime();
        String id;
        try (AutoCloseable refusal = Database.refuseOutcomes("it-flaky-")) {
            id = accepted(Sample.githubIssueComment(deliveryId, "@openhands retry me"));
            Map<String, Object> dead = Database.awaitStatus(id, WAIT, "DEAD");
            assertThat(dead.get("attempts")).isEqualTo(3);
            assertThat((String) dead.get("last_error")).contains("outcome refused");
        }
        Database.sleep(1500);
        assertThat(Database.row(id).orElseThrow().get("status")).as("dead stays dead").isEqualTo("DEAD");

        HttpResponse<String> replay = Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin());
        assertThat(replay.statusCode()).isEqualTo(202);
        Map<String, Object> processed = Database.awaitStatus(id, WAIT, "IGNORED");
        assertThat(processed.get("attempts")).isEqualTo(1);
        assertThat(processed.get("last_error")).isNull();
    }

    @Test
    void aDeliveryWhoseMessageWasLostIsQueuedAgainByTheSweeper() {
        // A row committed without its JMS message (the outbox's send failed, or the broker lost it) is still processed.
        String id = Database.insertQueuedWithoutMessage("it-lost-" + System.nanoTime(),
                Sample.githubIssueComment("unused", "@openhands lost and found"), Duration.ZERO);
        Map<String, Object> row = Database.awaitStatus(id, Duration.ofSeconds(40), "IGNORED");
        assertThat((String) row.get("outcome")).contains("acme/api#7");
    }

    @Test
    void aGitHubAppInstallationIsRecordedFromItsWebhook() {
        long installation = 7_000_000L + Math.abs(System.nanoTime() % 1_000_000L);
        String deliveryId = "it-install-" + System.nanoTime();
        byte[] body = Sample.utf8("""
                {"action":"created","installation":{"id":%d,"account":{"login":"acme-%d","id":9,"type":"Organization"},
                 "repository_selection":"selected","app_id":12345,"permissions":{"issues":"write"},"events":["issue_comment"]},
                 "repositories":[{"id":1296269,"full_name":"acme/api","private":false}],"sender":{"login":"octocat","type":"User"}}
                """.formatted(installation, installation));
        String id = accepted(new Sample("github", "/api/webhooks/github", deliveryId,
                Signed.github("installation", deliveryId, body), body));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
        assertThat((String) row.get("outcome")).contains("installation " + installation).contains("created");
        Map<String, Object> stored = Tokens.row("select * from github_installation where installation_id = ?", installation);
        assertThat(stored.get("account_login")).isEqualTo("acme-" + installation);
        assertThat(stored.get("repository_selection")).isEqualTo("selected");
    }

    private static String accepted(Sample sample) {
        HttpResponse<String> response = sample.send();
        assertThat(response.statusCode()).as(sample.platform() + " " + response.body()).isEqualTo(202);
        return json(response.body()).getString("id");
    }
}
