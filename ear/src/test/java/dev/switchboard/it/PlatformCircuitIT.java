package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A platform's circuit breaker through the deployed EAR: Slack answering 500 opens its circuit (the IT
 * environment sets Slack's breaker to a window of 4 calls and a 3 s delay through MicroProfile Config),
 * calls are then refused without reaching Slack, readiness shows the open circuit without going DOWN, and
 * once Slack recovers the circuit closes again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformCircuitIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final String AUTH_TEST = SlackWorkspaces.AUTH_TEST;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    private static int calls(SlackWorkspaces.Installed team) {
        return SlackWorkspaces.authTestCalls(STUBS, team);
    }

    private static JsonObject slackCheck() {
        HttpResponse<String> ready = Server.get("/health/ready", null);
        JsonObject health = WebhookIntakeIT.json(ready.body());
        assertThat(health.getString("status")).as("a platform's circuit never takes Switchboard down").isEqualTo("UP");
        return health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(check -> check.getString("name").equals("slack-circuit")).findFirst().orElseThrow();
    }

    @Test
    void serverErrorsOpenTheCircuitAndItClosesWhenSlackRecovers() throws Exception {
        SlackWorkspaces.Installed team = SlackWorkspaces.install(STUBS);
        STUBS.stubFor(get(urlPathEqualTo(AUTH_TEST)).withHeader("Authorization", equalTo("Bearer " + team.botToken()))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/html").withBody("<h1>Oops</h1>")));

        HttpResponse<String> failing = Server.postEmpty(team.verifyPath(), AdminTokens.admin());
        assertThat(failing.statusCode()).as(failing.body()).isEqualTo(502);
        assertThat(calls(team)).as("the call and two retries").isEqualTo(3);
        assertThat(slackCheck().getJsonObject("data").getString("circuit")).isEqualTo("closed");

        HttpResponse<String> tripping = Server.postEmpty(team.verifyPath(), AdminTokens.admin());
        assertThat(tripping.statusCode()).as(tripping.body()).isEqualTo(503);
        assertThat(tripping.body()).contains("circuit open");
        assertThat(tripping.headers().firstValue("Retry-After")).isPresent();
        assertThat(calls(team)).as("the fourth failure opened the circuit: its retry was not sent").isEqualTo(4);

        HttpResponse<String> refused = Server.postEmpty(team.verifyPath(), AdminTokens.admin());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(calls(team)).as("an open circuit sends nothing").isEqualTo(4);
        assertThat(slackCheck().getJsonObject("data").getString("circuit")).isEqualTo("open");
        assertThat(Server.get("/metrics", null).body())
                .containsPattern("switchboard_platform_circuit_open\\{[^}]*platform=\"slack\"[^}]*\\} 1");

        STUBS.stubFor(get(urlPathEqualTo(AUTH_TEST)).withHeader("Authorization", equalTo("Bearer " + team.botToken()))
                .willReturn(okJson(SlackWorkspaces.authTestOk(team.teamId()))));
        Thread.sleep(3_500);
        for (int trial = 0; trial < 2; trial++) {
            HttpResponse<String> recovered = Server.postEmpty(team.verifyPath(), AdminTokens.admin());
            assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
        }
        assertThat(slackCheck().getJsonObject("data").getString("circuit")).isEqualTo("closed");
        assertThat(Server.get("/metrics", null).body())
                .containsPattern("switchboard_platform_circuit_open\\{[^}]*platform=\"slack\"[^}]*\\} 0");
    }
}
