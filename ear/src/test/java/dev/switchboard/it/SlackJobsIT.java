package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Slack job end to end through the deployed EAR: WireMock plays Slack ({@code /slack/api}), GitHub (the
 * requester's repositories) and the agent server ({@code /agent}); the workspace is installed and the user's
 * GitHub account linked through the real OAuth flows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlackJobsIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String THREAD = "1700000000.000100";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    /** An installed workspace whose installer also linked GitHub, with repositories and a channel of its own. */
    private record World(SlackWorkspaces.Installed team, String channel, String owner) {
        String repository() {
            return owner + "/api";
        }
    }

    private static World world() {
        String unique = UUID.randomUUID().toString().replace("-", "");
        String user = "it-slack-jobs-" + unique;
        SlackWorkspaces.Installed team = SlackWorkspaces.install(STUBS, user);
        String owner = "acme" + unique.substring(0, 8);
        String token = GitHubLinks.link(user, "dev-" + owner, Math.abs(unique.hashCode()) + 1L);
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user/repos")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[{\"full_name\":\"" + owner + "/api\"},{\"full_name\":\"" + owner + "/web\"}]")));
        World world = new World(team, "C" + unique.substring(8, 17).toUpperCase(), owner);
        STUBS.stubFor(post(urlPathEqualTo("/slack/api/chat.postMessage"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(world.channel())))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + world.channel() + "\",\"ts\":\"1700000001.000200\"}")));
        STUBS.stubFor(post(urlPathEqualTo("/slack/api/chat.postEphemeral"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(world.channel())))
                .willReturn(okJson("{\"ok\":true,\"message_ts\":\"1700000001.000300\"}")));
        STUBS.stubFor(get(urlPathEqualTo("/slack/api/conversations.replies"))
                .withQueryParam("channel", equalTo(world.channel()))
                .willReturn(okJson("{\"ok\":true,\"has_more\":false,\"messages\":["
                        + "{\"type\":\"message\",\"user\":\"U0ANA\",\"text\":\"the nightly build is red since Tuesday\","
                        + "\"ts\":\"" + THREAD + "\",\"thread_ts\":\"" + THREAD + "\"},"
                        + "{\"type\":\"message\",\"user\":\"" + SlackWorkspaces.INSTALLER + "\",\"text\":\"<@U0BOT> fix it\","
                        + "\"ts\":\"1700000000.000500\",\"thread_ts\":\"" + THREAD + "\"}]}")));
        return world;
    }

    /** An event in the world's channel, inside the thread {@link #THREAD}. */
    private static Sample event(World world, String type, String eventId, String user, String text,
                                Map<String, String> extraHeaders) {
        byte[] body = Sample.utf8("""
                {"token":"x","team_id":"%s","api_app_id":"A0APP",
                 "event":{"type":"%s","user":"%s","text":%s,"ts":"1700000000.000500","thread_ts":"%s",
                          "channel":"%s","channel_type":"channel","event_ts":"1700000000.000500"},
                 "type":"event_callback","event_id":"%s","event_time":1700000000,
                 "authorizations":[{"team_id":"%s","user_id":"U0BOT","is_bot":true}]}
                """.formatted(world.team().teamId(), type, user, Sample.jsonString(text), THREAD, world.channel(),
                eventId, world.team().teamId()));
        Map<String, String> headers = new LinkedHashMap<>(Signed.slack(body, Signed.now(), "application/json"));
        headers.putAll(extraHeaders);
        return new Sample("slack", "/api/webhooks/slack/events", eventId, headers, body);
    }

    private static String accepted(Sample sample) {
        HttpResponse<String> response = sample.send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response.body()).getString("id");
    }

    private static List<LoggedRequest> slack(World world, String method, String containing) {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/slack/api/" + method))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(world.channel()))))
                .stream().filter(r -> containing == null || r.getBodyAsString().contains(containing)).toList();
    }

    private static List<LoggedRequest> await(World world, String method, String containing) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<LoggedRequest> found = slack(world, method, containing);
            if (!found.isEmpty()) {
                return found;
            }
            Database.sleep(200);
        }
        return slack(world, method, containing);
    }

    @Test
    void aMentionNamingTheRepositoryStartsOneConversationAnswersInTheThreadAndPostsTheSummaryOnce() {
        World world = world();
        String conversation = AgentStub.conversationFor(world.repository());
        String text = "<@U0BOT> please fix the flaky test in " + world.repository();
        String eventId = "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();

        String id = accepted(event(world, "app_mention", eventId, SlackWorkspaces.INSTALLER, text, Map.of()));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
        assertThat((String) row.get("outcome")).contains(conversation).contains(world.repository());

        List<LoggedRequest> started = AgentStub.started(world.repository());
        assertThat(started).hasSize(1);
        assertThat(started.get(0).getHeader("Authorization")).isEqualTo("Bearer " + AgentStub.KEY);
        var request = json(started.get(0).getBodyAsString());
        assertThat(request.getString("git_provider")).isEqualTo("github");
        assertThat(request.getString("initial_user_msg"))
                .contains("please fix the flaky test in " + world.repository())
                .contains("the nightly build is red since Tuesday").doesNotContain("<@U0BOT>");

        String link = "http://127.0.0.1:8089/agent/conversations/" + conversation;
        List<LoggedRequest> acks = slack(world, "chat.postMessage", "I'm on it");
        assertThat(acks).hasSize(1);
        var ack = json(acks.get(0).getBodyAsString());
        assertThat(ack.getString("thread_ts")).isEqualTo(THREAD);
        assertThat(ack.getString("text")).contains(link).contains("<@" + SlackWorkspaces.INSTALLER + ">");
        assertThat(acks.get(0).getHeader("Authorization")).isEqualTo("Bearer " + world.team().botToken());

        // Slack's retry of the same event is a duplicate; the message twin of the mention starts nothing
        HttpResponse<String> retry = event(world, "app_mention", eventId, SlackWorkspaces.INSTALLER, text,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).send();
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(json(retry.body()).getString("status")).isEqualTo("duplicate");
        String twin = accepted(event(world, "message", eventId + "M", SlackWorkspaces.INSTALLER, text, Map.of()));
        assertThat(Database.awaitStatus(twin, WAIT, "PROCESSED", "IGNORED", "DEAD").get("status")).isEqualTo("IGNORED");

        // a replay of the processed delivery starts nothing and acknowledges nothing again
        assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        assertThat(Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD").get("status")).isEqualTo("PROCESSED");
        Database.sleep(500);
        assertThat(AgentStub.started(world.repository())).hasSize(1);
        assertThat(slack(world, "chat.postMessage", "I'm on it")).hasSize(1);

        // the agent finishes; the same push twice posts the summary once, in the thread, as mrkdwn
        String finished = "{\"conversation_id\":\"" + conversation + "\",\"agent_state\":\"finished\","
                + "\"message\":\"Fixed **the flaky test** by waiting for the port.\"}";
        assertThat(AgentStub.push(finished).statusCode()).isEqualTo(202);
        assertThat(AgentStub.push(finished).statusCode()).isEqualTo(202);
        assertThat(await(world, "chat.postMessage", "waiting for the port")).hasSize(1);
        Database.sleep(1500);
        List<LoggedRequest> summaries = slack(world, "chat.postMessage", "waiting for the port");
        assertThat(summaries).hasSize(1);
        var summary = json(summaries.get(0).getBodyAsString());
        assertThat(summary.getString("thread_ts")).isEqualTo(THREAD);
        assertThat(summary.getString("text")).contains("Fixed *the flaky test*").contains(link);
        assertThat(Database.queryInt("select count(*) from agent_jobs where conversation_id = ? and status = 'FINISHED'",
                conversation)).isEqualTo(1);
    }

    @Test
    void anUnknownUserGetsOneEphemeralLinkToConnectTheirAccount() {
        World world = world();
        String stranger = "U0STRANGER";
        String id = accepted(event(world, "app_mention", "EvU" + UUID.randomUUID().toString().substring(0, 8), stranger,
                "<@U0BOT> fix " + world.repository(), Map.of()));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).contains(stranger).contains("no linked Switchboard account");
        List<LoggedRequest> ephemerals = slack(world, "chat.postEphemeral", "/api/oauth/slack/authorize");
        assertThat(ephemerals).hasSize(1);
        var ephemeral = json(ephemerals.get(0).getBodyAsString());
        assertThat(ephemeral.getString("user")).isEqualTo(stranger);
        assertThat(ephemeral.getString("text")).contains("http://127.0.0.1:8080/api/oauth/slack/authorize");

        assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        Database.awaitStatus(id, WAIT, "IGNORED", "DEAD");
        Database.sleep(500);
        assertThat(slack(world, "chat.postEphemeral", null)).as("asked once").hasSize(1);
        assertThat(slack(world, "chat.postMessage", null)).isEmpty();
        assertThat(AgentStub.started(world.repository())).isEmpty();
    }

    @Test
    void aMentionNamingNoRepositoryIsAnsweredWithAQuestionInTheThread() {
        World world = world();
        String id = accepted(event(world, "app_mention", "EvN" + UUID.randomUUID().toString().substring(0, 8),
                SlackWorkspaces.INSTALLER, "<@U0BOT> please fix the flaky test", Map.of()));
        Map<String, Object> row = Database.awaitStatus(id, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).contains("asked in the thread to name one");
        List<LoggedRequest> questions = slack(world, "chat.postMessage", "owner/repo");
        assertThat(questions).hasSize(1);
        assertThat(json(questions.get(0).getBodyAsString()).getString("thread_ts")).isEqualTo(THREAD);
        assertThat(AgentStub.started(world.repository())).isEmpty();
    }

    @Test
    void aReplyInTheThreadByTheRequesterGoesToTheSameConversationOnce() {
        World world = world();
        String conversation = AgentStub.conversationFor(world.repository());
        AgentStub.takesMessages(conversation);
        String eventId = "EvF" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        String first = accepted(event(world, "app_mention", eventId, SlackWorkspaces.INSTALLER,
                "<@U0BOT> please fix the flaky test in " + world.repository(), Map.of()));
        assertThat(Database.awaitStatus(first, WAIT, "PROCESSED", "IGNORED", "DEAD").get("status")).isEqualTo("PROCESSED");

        // a plain reply (no mention) by someone else in the thread is no request
        String chatter = accepted(event(world, "message", eventId + "O", "U0OTHER", "looks good to me", Map.of()));
        assertThat(Database.awaitStatus(chatter, WAIT, "PROCESSED", "IGNORED", "DEAD").get("status")).isEqualTo("IGNORED");

        String followUp = accepted(event(world, "message", eventId + "F", SlackWorkspaces.INSTALLER,
                "also add a regression test", Map.of()));
        Map<String, Object> row = Database.awaitStatus(followUp, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("PROCESSED");
        assertThat((String) row.get("outcome")).contains("follow-up").contains(conversation);
        assertThat(AgentStub.messages(conversation)).hasSize(1).allSatisfy(m -> assertThat(
                json(m.getBodyAsString()).getString("message")).isEqualTo("also add a regression test"));
        assertThat(AgentStub.started(world.repository())).as("no second conversation").hasSize(1);
        List<LoggedRequest> acks = slack(world, "chat.postMessage", "I'm on it");
        assertThat(acks).hasSize(2);
        assertThat(json(acks.get(1).getBodyAsString()).getString("thread_ts")).isEqualTo(THREAD);

        assertThat(Server.postEmpty("/api/admin/deliveries/" + followUp + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        assertThat(Database.awaitStatus(followUp, WAIT, "PROCESSED", "IGNORED", "DEAD").get("status"))
                .isEqualTo("PROCESSED");
        Database.sleep(500);
        assertThat(AgentStub.messages(conversation)).as("sent once").hasSize(1);
        assertThat(slack(world, "chat.postMessage", "I'm on it")).hasSize(2);
    }
}
