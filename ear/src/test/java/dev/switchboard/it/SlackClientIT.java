package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Slack's Web API through the governed client (the bot-token check of a workspace): Slack's transient
 * {@code ok:false} errors retried twice, a rate limit waited out, a long one given back as 503 and then
 * held back for the token without calling Slack, auth errors never retried.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlackClientIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final String AUTH_TEST = SlackWorkspaces.AUTH_TEST;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    private static int calls(SlackWorkspaces.Installed team) {
        return SlackWorkspaces.authTestCalls(STUBS, team);
    }

    private static void answer(SlackWorkspaces.Installed team, String scenario, String state, String next,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        STUBS.stubFor(get(urlPathEqualTo(AUTH_TEST)).withHeader("Authorization", equalTo("Bearer " + team.botToken()))
                .inScenario(scenario).whenScenarioStateIs(state).willSetStateTo(next).willReturn(response));
    }

    @Test
    void transientErrorsAreRetriedTwiceThenTheAnswerIsRead() {
        SlackWorkspaces.Installed team = SlackWorkspaces.install(STUBS);
        String scenario = "transient-" + team.teamId();
        answer(team, scenario, Scenario.STARTED, "second", okJson("{\"ok\":false,\"error\":\"internal_error\"}"));
        answer(team, scenario, "second", "third", okJson("{\"ok\":false,\"error\":\"service_unavailable\"}"));
        answer(team, scenario, "third", "third", okJson(SlackWorkspaces.authTestOk(team.teamId())));
        HttpResponse<String> r = Server.postEmpty(team.verifyPath(), AdminTokens.admin());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(WebhookIntakeIT.json(r.body()).getString("botUserId")).isEqualTo("U0BOT");
        assertThat(calls(team)).as("the call and Slack's two retries").isEqualTo(3);
    }

    @Test
    void aRevokedTokenIsNotRetried() {
        SlackWorkspaces.Installed team = SlackWorkspaces.install(STUBS);
        answer(team, "revoked-" + team.teamId(), Scenario.STARTED, Scenario.STARTED,
                okJson("{\"ok\":false,\"error\":\"token_revoked\"}"));
        HttpResponse<String> r = Server.postEmpty(team.verifyPath(), AdminTokens.admin());
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).contains("token_revoked").doesNotContain(team.botToken());
        assertThat(calls(team)).isEqualTo(1);
    }

    @Test
    void aShortRateLimitIsWaitedOut() {
        SlackWorkspaces.Installed team = SlackWorkspaces.install(STUBS);
        String scenario = "limited-" + team.teamId();
        answer(team, scenario, Scenario.STARTED, "lifted", aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
        answer(team, scenario, "lifted", "lifted", okJson(SlackWorkspaces.authTestOk(team.teamId())));
        long started = System.nanoTime();
        HttpResponse<String> r = Server.postEmpty(team.verifyPath(), AdminTokens.admin());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).as("waited the Retry-After").isGreaterThanOrEqualTo(1000);
        assertThat(calls(team)).isEqualTo(2);
    }

    @Test
    void aLongRateLimitIsGivenBackAndHeldForTheTokenOnEveryNode() {
        SlackWorkspaces.Installed team = SlackWorkspaces.install(STUBS);
        answer(team, "long-" + team.teamId(), Scenario.STARTED, Scenario.STARTED, aResponse().withStatus(429)
                .withHeader("Retry-After", "90").withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
        HttpResponse<String> first = Server.postEmpty(team.verifyPath(), AdminTokens.admin());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(503);
        assertThat(Long.parseLong(first.headers().firstValue("Retry-After").orElseThrow())).isGreaterThanOrEqualTo(90);

        HttpResponse<String> again = Server.postEmpty(team.verifyPath(), AdminTokens.admin());
        assertThat(again.statusCode()).isEqualTo(503);
        assertThat(calls(team)).as("held back while the limit is in force: Slack is not asked again").isEqualTo(1);

        Map<String, Object> limit = Tokens.row("select * from platform_limits where platform = 'SLACK'"
                + " and until_at > now() + interval '60 seconds' order by updated_at desc limit 1");
        assertThat((String) limit.get("reason")).contains("Retry-After");
        assertThat((String) limit.get("scope_key")).as("a hash, never the token").hasSize(24)
                .doesNotContain(team.botToken().substring(5, 15));
        assertThat(((java.sql.Timestamp) limit.get("until_at")).toInstant()).isAfter(Instant.now().plusSeconds(60));

        SlackWorkspaces.Installed other = SlackWorkspaces.install(STUBS);
        answer(other, "other-" + other.teamId(), Scenario.STARTED, Scenario.STARTED,
                okJson(SlackWorkspaces.authTestOk(other.teamId())));
        assertThat(Server.postEmpty(other.verifyPath(), AdminTokens.admin()).statusCode())
                .as("another workspace's token is not held back").isEqualTo(200);
    }
}
