package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    /** The ts of the asking message in {@link #event}. */
    private static final String ASKED = "1700000000.000500";
    /** The ts Slack gives every message the app posts in a world's channel (the selector among them). */
    private static final String SELECTOR_TS = "1700000001.000200";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    /** An installed workspace whose installer also linked GitHub, with repositories and a channel of its own. */
    private record World(SlackWorkspaces.Installed team, String channel, String owner, String gitHubToken) {
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
        World world = new World(team, "C" + unique.substring(8, 17).toUpperCase(), owner, token);
        STUBS.stubFor(post(urlPathEqualTo("/slack/api/chat.postMessage"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(world.channel())))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + world.channel() + "\",\"ts\":\"" + SELECTOR_TS + "\"}")));
        STUBS.stubFor(post(urlPathEqualTo("/slack/api/chat.postEphemeral"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(world.channel())))
                .willReturn(okJson("{\"ok\":true,\"message_ts\":\"1700000001.000300\"}")));
        STUBS.stubFor(post(urlPathEqualTo("/slack/api/chat.update"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(world.channel())))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + world.channel() + "\",\"ts\":\"" + SELECTOR_TS
                        + "\",\"text\":\"updated\"}")));
        STUBS.stubFor(post(urlPathEqualTo("/slack/api/reactions.add"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(world.channel())))
                .willReturn(okJson("{\"ok\":true}")));
        STUBS.stubFor(get(urlPathEqualTo("/slack/api/users.info"))
                .withHeader("Authorization", equalTo("Bearer " + team.botToken()))
                .withQueryParam("user", equalTo(SlackWorkspaces.INSTALLER))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + SlackWorkspaces.INSTALLER + "\",\"team_id\":\""
                        + team.teamId() + "\",\"name\":\"mia\",\"deleted\":false,\"real_name\":\"Mia Jensen\","
                        + "\"profile\":{\"display_name\":\"Mia J\",\"real_name\":\"Mia Jensen\"},\"is_bot\":false}}")));
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
                .contains("the nightly build is red since Tuesday").doesNotContain("<@U0BOT>")
                .contains("by Mia J (@" + SlackWorkspaces.INSTALLER + ")");
        assertThat(STUBS.findAll(getRequestedFor(urlPathEqualTo("/slack/api/users.info"))
                .withHeader("Authorization", equalTo("Bearer " + world.team().botToken()))
                .withQueryParam("user", equalTo(SlackWorkspaces.INSTALLER)))).hasSize(1);
        List<LoggedRequest> eyes = slack(world, "reactions.add", null);
        assertThat(eyes).hasSize(1);
        var reaction = json(eyes.get(0).getBodyAsString());
        assertThat(reaction.getString("name")).isEqualTo("eyes");
        assertThat(reaction.getString("timestamp")).isEqualTo(ASKED);
        assertThat(eyes.get(0).getHeader("Authorization")).isEqualTo("Bearer " + world.team().botToken());

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
        assertThat(slack(world, "reactions.add", null)).as("👀 once").hasSize(1);

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
        assertThat(slack(world, "reactions.add", null)).as("no 👀 for a stranger").isEmpty();
        assertThat(AgentStub.started(world.repository())).isEmpty();
    }

    @Test
    void aMentionNamingNoRepositoryGetsASelectorWhoseChoiceByTheRequesterStartsOneJob() {
        World world = world();
        String chosen = world.owner() + "/web";
        String conversation = AgentStub.conversationFor(chosen);
        String asking = accepted(event(world, "app_mention", "EvS" + UUID.randomUUID().toString().substring(0, 8),
                SlackWorkspaces.INSTALLER, "<@U0BOT> please fix the flaky test", Map.of()));
        Map<String, Object> row = Database.awaitStatus(asking, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo("IGNORED");
        assertThat((String) row.get("outcome")).contains("repository selector");
        assertThat(await(world, "reactions.add", null)).as("👀 while the repository is asked").hasSize(1);

        // the selector: a reply in the thread with a static select of the user's repositories
        List<LoggedRequest> selectors = slack(world, "chat.postMessage", "static_select");
        assertThat(selectors).hasSize(1);
        var selector = json(selectors.get(0).getBodyAsString());
        assertThat(selector.getString("thread_ts")).isEqualTo(THREAD);
        assertThat(selector.containsKey("repositories")).as("the stored list stays with Switchboard").isFalse();
        var actions = selector.getJsonArray("blocks").getJsonObject(1);
        String blockId = actions.getString("block_id");
        var select = actions.getJsonArray("elements").getJsonObject(0);
        assertThat(select.getString("action_id")).isEqualTo("repository_select");
        assertThat(select.getJsonArray("options").stream().map(o -> o.asJsonObject().getString("value")))
                .containsExactly(world.repository(), chosen);

        // someone else's choice does not count: they are told, privately
        String bob = accepted(interaction(blockActions(world, "U0BOB", blockId, chosen, "1700000010.000001")));
        Map<String, Object> bobs = Database.awaitStatus(bob, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(bobs.get("status")).as(bobs.toString()).isEqualTo("IGNORED");
        assertThat((String) bobs.get("outcome")).contains("only the requester's choice counts");
        List<LoggedRequest> told = slack(world, "chat.postEphemeral", "Only <@" + SlackWorkspaces.INSTALLER + ">");
        assertThat(told).hasSize(1);
        assertThat(json(told.get(0).getBodyAsString()).getString("user")).isEqualTo("U0BOB");
        assertThat(AgentStub.started(chosen)).isEmpty();

        // the requester's choice starts the job on the chosen repository and replaces the selector
        Sample choice = interaction(blockActions(world, SlackWorkspaces.INSTALLER, blockId, chosen, "1700000011.000001"));
        String click = accepted(choice);
        Map<String, Object> clicked = Database.awaitStatus(click, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(clicked.get("status")).as(clicked.toString()).isEqualTo("PROCESSED");
        assertThat((String) clicked.get("outcome")).contains(conversation).contains(chosen);
        List<LoggedRequest> started = AgentStub.started(chosen);
        assertThat(started).hasSize(1);
        assertThat(json(started.get(0).getBodyAsString()).getString("initial_user_msg"))
                .contains("please fix the flaky test").contains("Repository: " + chosen);
        List<LoggedRequest> updates = slack(world, "chat.update", null);
        assertThat(updates).hasSize(1);
        var update = json(updates.get(0).getBodyAsString());
        assertThat(update.getString("ts")).isEqualTo(SELECTOR_TS);
        assertThat(update.getString("text")).contains("Working on " + chosen);
        assertThat(updates.get(0).getHeader("Authorization")).isEqualTo("Bearer " + world.team().botToken());
        assertThat(slack(world, "chat.postMessage", "I'm on it")).hasSize(1);

        // Slack's retry of the same choice is a duplicate; a second click (new action_ts) starts nothing more
        HttpResponse<String> again = choice.send();
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again.body()).getString("status")).isEqualTo("duplicate");
        String second = accepted(interaction(blockActions(world, SlackWorkspaces.INSTALLER, blockId, world.repository(),
                "1700000012.000001")));
        Database.awaitStatus(second, WAIT, "PROCESSED", "IGNORED", "DEAD");
        Database.sleep(500);
        assertThat(AgentStub.started(chosen)).hasSize(1);
        assertThat(AgentStub.started(world.repository())).as("the first choice stands").isEmpty();
        assertThat(slack(world, "chat.update", null)).hasSize(1);
        assertThat(slack(world, "chat.postMessage", "I'm on it")).hasSize(1);
        assertThat(slack(world, "reactions.add", null)).hasSize(1);
        assertThat(Database.queryInt("select count(*) from agent_jobs where delivery_id = ?", asking)).isEqualTo(1);

        // the job is the original request's: the summary comes once, in its thread
        String finished = "{\"conversation_id\":\"" + conversation + "\",\"agent_state\":\"finished\","
                + "\"message\":\"Chose web and fixed it.\"}";
        assertThat(AgentStub.push(finished).statusCode()).isEqualTo(202);
        assertThat(await(world, "chat.postMessage", "Chose web and fixed it")).hasSize(1);
        Database.sleep(1000);
        List<LoggedRequest> summaries = slack(world, "chat.postMessage", "Chose web and fixed it");
        assertThat(summaries).hasSize(1);
        assertThat(json(summaries.get(0).getBodyAsString()).getString("thread_ts")).isEqualTo(THREAD);
    }

    @Test
    void beyondAHundredRepositoriesTheSelectorSearchesAsTheRequesterTypes() {
        World world = world();
        List<String> names = java.util.stream.IntStream.rangeClosed(1, 150)
                .mapToObj(i -> world.owner() + "/service-" + i).toList();
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user/repos"))
                .withHeader("Authorization", equalTo("Bearer " + world.gitHubToken())).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(repositories(names.subList(0, 100))).withHeader("Link",
                        "<http://127.0.0.1:8089/github-api/user/repos?per_page=100&page=2>; rel=\"next\", "
                                + "<http://127.0.0.1:8089/github-api/user/repos?per_page=100&page=2>; rel=\"last\"")));
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user/repos"))
                .withHeader("Authorization", equalTo("Bearer " + world.gitHubToken())).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(repositories(names.subList(100, 150)))));
        String asking = accepted(event(world, "app_mention", "EvX" + UUID.randomUUID().toString().substring(0, 8),
                SlackWorkspaces.INSTALLER, "<@U0BOT> bump the dependencies", Map.of()));
        assertThat(Database.awaitStatus(asking, WAIT, "PROCESSED", "IGNORED", "DEAD").get("status")).isEqualTo("IGNORED");
        List<LoggedRequest> selectors = slack(world, "chat.postMessage", "external_select");
        assertThat(selectors).hasSize(1);
        var actions = json(selectors.get(0).getBodyAsString()).getJsonArray("blocks").getJsonObject(1);
        String blockId = actions.getString("block_id");
        assertThat(actions.getJsonArray("elements").getJsonObject(0).containsKey("options")).isFalse();

        // Slack's options load: answered at once, filtered by what was typed, nothing stored
        HttpResponse<String> typed = interaction(blockSuggestion(world, SlackWorkspaces.INSTALLER, blockId, "SERVICE-14"))
                .send();
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        assertThat(json(typed.body()).getJsonArray("options").stream().map(o -> o.asJsonObject().getString("value")))
                .containsExactly(world.owner() + "/service-14", world.owner() + "/service-140",
                        world.owner() + "/service-141", world.owner() + "/service-142", world.owner() + "/service-143",
                        world.owner() + "/service-144", world.owner() + "/service-145", world.owner() + "/service-146",
                        world.owner() + "/service-147", world.owner() + "/service-148", world.owner() + "/service-149");
        HttpResponse<String> nothing = interaction(blockSuggestion(world, SlackWorkspaces.INSTALLER, blockId, "")).send();
        assertThat(json(nothing.body()).getJsonArray("options")).hasSize(100);
        HttpResponse<String> stranger = interaction(blockSuggestion(world, "U0BOB", blockId, "service")).send();
        assertThat(stranger.statusCode()).isEqualTo(200);
        assertThat(json(stranger.body()).getJsonArray("options")).as("not the requester").isEmpty();
        assertThat(Database.queryInt("select count(*) from webhook_delivery where event = 'block_suggestion'"))
                .as("options loads are answered, not stored").isZero();
        byte[] unsigned = interaction(blockSuggestion(world, SlackWorkspaces.INSTALLER, blockId, "x")).body();
        assertThat(Server.post("/api/webhooks/slack/interactions",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), unsigned).statusCode()).isEqualTo(403);

        // a repository found by typing is chosen like any other
        String chosen = world.owner() + "/service-142";
        String conversation = AgentStub.conversationFor(chosen);
        String click = accepted(interaction(blockActions(world, SlackWorkspaces.INSTALLER, blockId, chosen,
                "1700000020.000001")));
        Map<String, Object> clicked = Database.awaitStatus(click, WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat((String) clicked.get("outcome")).as(clicked.toString()).contains(conversation);
        assertThat(AgentStub.started(chosen)).hasSize(1);
        assertThat(slack(world, "chat.update", "Working on " + chosen)).hasSize(1);
    }

    private static String repositories(List<String> names) {
        return names.stream().map(name -> "{\"full_name\":\"" + name + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /** An interaction as Slack posts it: a signed form whose {@code payload} is the JSON. */
    private static Sample interaction(String json) {
        byte[] body = Sample.utf8("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8));
        return new Sample("slack", "/api/webhooks/slack/interactions", null,
                Signed.slack(body, Signed.now(), "application/x-www-form-urlencoded"), body);
    }

    /** Slack's {@code block_actions} for a choice in the selector message of the world's thread. */
    private static String blockActions(World world, String user, String blockId, String value, String actionTs) {
        return """
                {"type":"block_actions","user":{"id":"%s","username":"someone","name":"someone","team_id":"%s"},
                 "api_app_id":"A0APP","token":"x",
                 "container":{"type":"message","message_ts":"%s","channel_id":"%s","is_ephemeral":false,
                              "thread_ts":"%s"},
                 "trigger_id":"1700000.%s","team":{"id":"%s","domain":"acme"},"enterprise":null,
                 "is_enterprise_install":false,"channel":{"id":"%s","name":"dev"},
                 "message":{"type":"message","user":"U0BOT","ts":"%s","thread_ts":"%s","text":"Which repository?"},
                 "state":{"values":{}},"response_url":"https://hooks.slack.com/actions/%s/1/x",
                 "actions":[{"type":"static_select","action_id":"repository_select","block_id":"%s",
                             "selected_option":{"text":{"type":"plain_text","text":"%s","emoji":true},"value":"%s"},
                             "placeholder":{"type":"plain_text","text":"Choose a repository","emoji":true},
                             "action_ts":"%s"}]}
                """.formatted(user, world.team().teamId(), SELECTOR_TS, world.channel(), THREAD, actionTs,
                world.team().teamId(), world.channel(), SELECTOR_TS, THREAD, world.team().teamId(), blockId, value, value,
                actionTs);
    }

    /** Slack's options load ({@code block_suggestion}) for the selector's type-ahead. */
    private static String blockSuggestion(World world, String user, String blockId, String typed) {
        return """
                {"type":"block_suggestion","user":{"id":"%s","username":"someone","name":"someone","team_id":"%s"},
                 "container":{"type":"message","message_ts":"%s","channel_id":"%s","is_ephemeral":false},
                 "api_app_id":"A0APP","token":"x","action_id":"repository_select","block_id":"%s","value":"%s",
                 "team":{"id":"%s","domain":"acme"},"enterprise":null,"is_enterprise_install":false,
                 "channel":{"id":"%s","name":"dev"},
                 "message":{"type":"message","user":"U0BOT","ts":"%s","text":"Which repository?"}}
                """.formatted(user, world.team().teamId(), SELECTOR_TS, world.channel(), blockId, typed,
                world.team().teamId(), world.channel(), SELECTOR_TS);
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

    /**
     * A crash between a thread message's post and its record leaves the notice "sending": the next attempt looks for
     * the message carrying the notice in its metadata (conversations.replies with all metadata) first, and posts only
     * when it is not there.
     */
    @Test
    void aThreadMessageWhoseOutcomeACrashLostIsLookedForOnSlackBeforeItIsPostedAgain() {
        World world = world();
        String found = accepted(event(world, "app_mention", "EvL" + UUID.randomUUID().toString().substring(0, 8),
                SlackWorkspaces.INSTALLER, "<@U0BOT> please fix the flaky test", Map.of()));
        String missing = accepted(event(world, "app_mention", "EvL" + UUID.randomUUID().toString().substring(0, 8),
                SlackWorkspaces.INSTALLER, "<@U0BOT> please fix the other flaky test", Map.of()));
        Database.awaitStatus(found, WAIT, "IGNORED");
        Database.awaitStatus(missing, WAIT, "IGNORED");
        assertThat(slack(world, "chat.postMessage", "static_select")).hasSize(2).allSatisfy(r -> assertThat(
                json(r.getBodyAsString()).getJsonObject("metadata").getString("event_type"))
                .isEqualTo("switchboard_notice"));

        String foundNotice = CrashWindow.lostOutcomeOf("delivery:" + found + ":repository-selector");
        String missingNotice = CrashWindow.lostOutcomeOf("delivery:" + missing + ":repository-selector");
        STUBS.stubFor(get(urlPathEqualTo("/slack/api/conversations.replies"))
                .withQueryParam("channel", equalTo(world.channel()))
                .withQueryParam("include_all_metadata", equalTo("true"))
                .willReturn(okJson("{\"ok\":true,\"has_more\":false,\"messages\":["
                        + "{\"type\":\"message\",\"user\":\"U0ANA\",\"text\":\"the nightly build is red\","
                        + "\"ts\":\"" + THREAD + "\",\"thread_ts\":\"" + THREAD + "\"},"
                        + "{\"type\":\"message\",\"bot_id\":\"B0BOT\",\"text\":\"Which repository?\","
                        + "\"ts\":\"1700000002.000700\",\"thread_ts\":\"" + THREAD + "\",\"metadata\":{\"event_type\":"
                        + "\"switchboard_notice\",\"event_payload\":{\"notice_id\":\"" + foundNotice + "\"}}}]}")));
        CrashWindow.replay(List.of(found, missing), foundNotice, missingNotice);
        assertThat(Database.queryString("select posted_id from job_notices where id = ?", foundNotice))
                .as("the message found in the thread").isEqualTo("1700000002.000700");
        assertThat(STUBS.findAll(getRequestedFor(urlPathEqualTo("/slack/api/conversations.replies"))
                .withQueryParam("channel", equalTo(world.channel()))
                .withQueryParam("include_all_metadata", equalTo("true")))).as("Slack asked once per uncertain notice")
                .hasSize(2);
        assertThat(slack(world, "chat.postMessage", "static_select")).as("posted again only where Slack did not have it")
                .hasSize(3).filteredOn(r -> r.getBodyAsString().contains(missingNotice)).hasSize(2);
    }
}
