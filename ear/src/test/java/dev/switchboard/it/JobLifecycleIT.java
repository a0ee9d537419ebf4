package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.GitHubJobsIT.STUBS;
import static dev.switchboard.it.GitHubJobsIT.WAIT;
import static dev.switchboard.it.GitHubJobsIT.accepted;
import static dev.switchboard.it.GitHubJobsIT.await;
import static dev.switchboard.it.GitHubJobsIT.comment;
import static dev.switchboard.it.GitHubJobsIT.commentId;
import static dev.switchboard.it.GitHubJobsIT.conversation;
import static dev.switchboard.it.GitHubJobsIT.link;
import static dev.switchboard.it.GitHubJobsIT.permission;
import static dev.switchboard.it.GitHubJobsIT.posted;
import static dev.switchboard.it.GitHubJobsIT.repository;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GitHubJobsIT.Repo;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A job's life after its start, through the deployed EAR on GitHub (WireMock plays GitHub, the agent server and
 * Stripe): a follow-up in the same issue goes to the same conversation once, the agent's states are told once
 * each, the watcher's polling alone brings the summary, team mode and the billing gate.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JobLifecycleIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    /** A domain config property for the length of a test (the IT domain caches no config). */
    static AutoCloseable setting(String name, String value, String restore) {
        Server.asadmin("set-config-property", "--source=domain", "--propertyName=" + name, "--propertyValue=" + value);
        return () -> {
            if (restore == null) {
                Server.asadmin("delete-config-property", "--source=domain", "--propertyName=" + name);
            } else {
                Server.asadmin("set-config-property", "--source=domain", "--propertyName=" + name,
                        "--propertyValue=" + restore);
            }
        };
    }

    private static long githubId() {
        return 720_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
    }

    /** A GitHub user linked to Switchboard, with that permission on the repository. */
    private record Writer(String login, long githubId) {
    }

    private static Writer linked(Repo repo, String permission) {
        long githubId = githubId();
        Writer writer = new Writer("dev-" + githubId, githubId);
        link(writer.login(), githubId);
        permission(repo, writer.login(), permission);
        return writer;
    }

    private static String asks(Repo repo, Writer writer, String deliveryId, String text) {
        return accepted(comment(repo, deliveryId, writer.login(), writer.githubId(), text));
    }

    /** A job the writer asked for and got; returns its conversation. */
    private static String jobOf(Repo repo, Writer writer, String text) {
        String conversation = conversation(repo);
        processed(asks(repo, writer, "it-ask-" + UUID.randomUUID(), text), "PROCESSED");
        return conversation;
    }

    private static Map<String, Object> processed(String deliveryId, String status) {
        Map<String, Object> row = Database.awaitStatus(deliveryId, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo(status);
        return row;
    }

    private static String push(String conversation, String state, String message) {
        String body = "{\"conversation_id\":\"" + conversation + "\",\"agent_state\":\"" + state + "\""
                + (message == null ? "" : ",\"message\":\"" + message + "\"") + "}";
        assertThat(AgentStub.push(body).statusCode()).isEqualTo(202);
        return body;
    }

    /** Waits for the comment, then a little longer to see that no second one follows. */
    private static void toldOnce(Repo repo, String text) {
        assertThat(await(repo, "/issues/7/comments", text)).as(text).hasSize(1);
        Database.sleep(1500);
        assertThat(posted(repo, "/issues/7/comments", text)).as(text).hasSize(1);
    }

    @Test
    void aFollowUpInTheSameIssueGoesToTheSameConversationOnceAndItsResultIsPostedOnce() {
        Repo repo = repository();
        Writer dev = linked(repo, "write");
        String conversation = jobOf(repo, dev, "@openhands please fix the flaky test");
        AgentStub.takesMessages(conversation);
        push(conversation, "finished", "Fixed the flaky test.");
        toldOnce(repo, "Fixed the flaky test.");

        String followUpDelivery = "it-followup-" + UUID.randomUUID();
        String followUp = asks(repo, dev, followUpDelivery, "@openhands now also update the README");
        Map<String, Object> row = processed(followUp, "PROCESSED");
        assertThat((String) row.get("outcome")).contains("follow-up").contains(conversation);
        assertThat(AgentStub.messages(conversation)).hasSize(1).allSatisfy(m -> {
            assertThat(m.getHeader("Authorization")).isEqualTo("Bearer " + AgentStub.KEY);
            assertThat(json(m.getBodyAsString()).getString("message")).contains("now also update the README");
        });
        assertThat(AgentStub.started(repo.fullName())).as("no second conversation").hasSize(1);
        assertThat(posted(repo, "/issues/comments/" + commentId(followUpDelivery) + "/reactions", "eyes")).hasSize(1);
        assertThat(posted(repo, "/issues/7/comments", "I'm on it")).hasSize(2);

        // a replay of the follow-up sends nothing and acknowledges nothing again
        assertThat(Server.postEmpty("/api/admin/deliveries/" + followUp + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        processed(followUp, "PROCESSED");
        Database.sleep(500);
        assertThat(AgentStub.messages(conversation)).hasSize(1);
        assertThat(posted(repo, "/issues/7/comments", "I'm on it")).hasSize(2);

        // the follow-up's result is posted once; the first summary is not repeated
        String finished = push(conversation, "finished", "Updated the README.");
        assertThat(AgentStub.push(finished).statusCode()).isEqualTo(202);
        toldOnce(repo, "Updated the README.");
        assertThat(posted(repo, "/issues/7/comments", "Fixed the flaky test.")).hasSize(1);
        assertThat(Database.queryInt("select count(*) from job_followups f join agent_jobs j on j.id = f.job_id"
                + " where j.conversation_id = ? and f.status = 'SENT'", conversation)).isEqualTo(1);
    }

    @Test
    void aFollowUpTheAgentServerRefusesIsToldOnceAndOneToAConversationItNoLongerHasStartsANewJob() {
        Repo repo = repository();
        Writer dev = linked(repo, "write");
        String first = jobOf(repo, dev, "@openhands please fix the flaky test");
        String messages = "/agent/api/conversations/" + first + "/message";

        STUBS.stubFor(post(urlPathEqualTo(messages)).willReturn(aResponse().withStatus(500)));
        String refused = asks(repo, dev, "it-refused-" + UUID.randomUUID(), "@openhands also fix the README");
        assertThat((String) processed(refused, "PROCESSED").get("outcome")).contains("could not be passed on");
        assertThat(Server.postEmpty("/api/admin/deliveries/" + refused + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        processed(refused, "PROCESSED");
        Database.sleep(500);
        assertThat(AgentStub.messages(first)).as("not repeated").hasSize(1);
        assertThat(posted(repo, "/issues/7/comments", "couldn't pass your message on")).as("told once").hasSize(1);

        STUBS.stubFor(post(urlPathEqualTo(messages)).willReturn(aResponse().withStatus(404)));
        String second = conversation(repo);
        String gone = asks(repo, dev, "it-gone-" + UUID.randomUUID(), "@openhands also fix the changelog");
        assertThat((String) processed(gone, "PROCESSED").get("outcome")).contains(second);
        assertThat(AgentStub.started(repo.fullName())).hasSize(2);
        assertThat(AgentStub.started(repo.fullName())).anySatisfy(r -> assertThat(
                json(r.getBodyAsString()).getString("initial_user_msg")).contains("also fix the changelog"));
    }

    @Test
    void waitingForInputAnErrorAndAStopAreEachToldOnce() {
        Repo repo = repository();
        Writer dev = linked(repo, "admin");
        String conversation = jobOf(repo, dev, "@openhands please fix the login page");

        String waiting = push(conversation, "awaiting_user_input", "Which branch should I use?");
        assertThat(AgentStub.push(waiting).statusCode()).isEqualTo(202);
        toldOnce(repo, "waiting for your input");
        assertThat(posted(repo, "/issues/7/comments", "Which branch should I use?")).hasSize(1);

        String error = push(conversation, "error", "The sandbox ran out of memory.");
        assertThat(AgentStub.push(error).statusCode()).isEqualTo(202);
        toldOnce(repo, "ran into an error");
        assertThat(posted(repo, "/issues/7/comments", "The sandbox ran out of memory.")).hasSize(1);

        String stopped = push(conversation, "stopped", null);
        assertThat(AgentStub.push(stopped).statusCode()).isEqualTo(202);
        toldOnce(repo, "stopped before it finished");
        assertThat(posted(repo, "/issues/7/comments", "@" + dev.login())).as("ack and three states").hasSize(4);
    }

    @Test
    void withoutPushesThePollingWatcherPostsTheSummaryOnce() throws Exception {
        Repo repo = repository();
        Writer dev = linked(repo, "write");
        String conversation = conversation(repo);
        STUBS.stubFor(get(urlPathEqualTo("/agent/api/conversations/" + conversation + "/events"))
                .withQueryParam("reverse", equalTo("true"))
                .willReturn(okJson("""
                        {"events":[
                          {"id":1,"source":"user","action":"message","args":{"content":"please fix the docs"}},
                          {"id":2,"source":"agent","observation":"agent_state_changed","extras":{"agent_state":"running"}},
                          {"id":9,"source":"agent","action":"finish","args":{"final_thought":"Polled: fixed the docs."}},
                          {"id":10,"source":"agent","observation":"agent_state_changed","extras":{"agent_state":"finished"}}
                        ],"has_more":false}""")));
        processed(asks(repo, dev, "it-polled-" + UUID.randomUUID(), "@openhands please fix the docs"), "PROCESSED");

        try (AutoCloseable fast = setting("agent.poll.interval.ms", "1000", "600000")) {
            assertThat(await(repo, "/issues/7/comments", "Polled: fixed the docs.")).hasSize(1);
            Database.sleep(3500); // three more rounds: the job is no longer active, and nothing is told twice
        }
        assertThat(posted(repo, "/issues/7/comments", "Polled: fixed the docs.")).hasSize(1);
        assertThat(Database.queryInt("select count(*) from agent_jobs where conversation_id = ? and status = 'FINISHED'",
                conversation)).isEqualTo(1);
    }

    @Test
    void inTeamModeAnUnlinkedWriterGetsAJobActingWithTheInstallationTokenAttributedToTheirLogin() throws Exception {
        Repo repo = repository();
        String login = "team-" + githubId();
        permission(repo, login, "write");
        String conversation = conversation(repo);
        try (AutoCloseable team = setting("allow.unlinked.users", "true", null)) {
            String id = accepted(comment(repo, "it-team-" + UUID.randomUUID(), login, 990_500_000L + repo.installation(),
                    "@openhands please fix the build"));
            assertThat((String) processed(id, "PROCESSED").get("outcome")).contains(conversation).contains(login);
        }
        assertThat(AgentStub.started(repo.fullName())).hasSize(1);
        assertThat(posted(repo, "/issues/7/comments", "I'm on it")).hasSize(1).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).as("the installation's token").startsWith("Bearer ghs_it");
            assertThat(r.getBodyAsString()).contains("@" + login);
        });
        assertThat(Database.queryInt("select count(*) from agent_jobs where conversation_id = ? and requester = ?"
                + " and user_id is null", conversation, login)).isEqualTo(1);
    }

    @Test
    void withBillingRequiredARequesterWithoutAPaymentMethodGetsTheBillingLinkInsteadOfAJob() throws Exception {
        Repo repo = repository();
        String login = "unpaid-" + githubId();
        permission(repo, login, "write");
        conversation(repo);
        String customer = "cus_it" + repo.installation();
        STUBS.stubFor(get(urlPathEqualTo("/stripe/v1/customers/search"))
                .withQueryParam("query", equalTo("metadata['user_id']:'github:" + login + "'"))
                .willReturn(okJson("{\"object\":\"search_result\",\"has_more\":false,\"data\":[{\"id\":\"" + customer
                        + "\",\"object\":\"customer\",\"metadata\":{\"user_id\":\"github:" + login + "\"}}]}")));
        STUBS.stubFor(get(urlPathEqualTo("/stripe/v1/payment_methods")).withQueryParam("customer", equalTo(customer))
                .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":[]}")));
        String billingUrl = "https://billing.stripe.com/p/login/it" + repo.installation();
        try (AutoCloseable team = setting("allow.unlinked.users", "true", null);
             AutoCloseable billing = setting("billing.required", "true", null);
             AutoCloseable link = setting("billing.url", billingUrl, null)) {
            String id = accepted(comment(repo, "it-unpaid-" + UUID.randomUUID(), login, 990_600_000L + repo.installation(),
                    "@openhands please fix the build"));
            assertThat((String) processed(id, "IGNORED").get("outcome")).contains(login).contains("no payment method");
            assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                    .isEqualTo(202);
            processed(id, "IGNORED");
            Database.sleep(500);
        }
        assertThat(posted(repo, "/issues/7/comments", billingUrl)).as("told once").hasSize(1)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("@" + login).contains("payment method"));
        assertThat(AgentStub.started(repo.fullName())).isEmpty();
        assertThat(posted(repo, "/issues/7/comments", "I'm on it")).isEmpty();
    }
}
