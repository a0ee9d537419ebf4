package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Installs the Slack app in a new workspace through the real OAuth flow, against Slack's stubbed token endpoint. */
final class SlackWorkspaces {

    static final String AUTH_TEST = "/slack/api/auth.test";
    /** The Slack user who installs the app; the installation links them. */
    static final String INSTALLER = "U0MIA";
    static final String BOT_USER = "U0BOT";

    record Installed(String teamId, String botToken) {
        String verifyPath() {
            return "/api/admin/slack/teams/" + teamId + "/verify";
        }
    }

    private SlackWorkspaces() {
    }

    static Installed install(WireMockServer stubs) {
        return install(stubs, "it-sl-" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Installs as the given Switchboard user, whose Slack account (the team's {@link #INSTALLER}) gets linked. */
    static Installed install(WireMockServer stubs, String switchboardUser) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        String team = "T" + unique.substring(0, 9).toUpperCase();
        String botToken = "xoxb-" + unique;
        String code = "sl-code-" + unique;
        stubs.stubFor(post(urlPathEqualTo("/slack/api/oauth.v2.access")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"ok\":true,\"access_token\":\"" + botToken + "\",\"token_type\":\"bot\","
                        + "\"scope\":\"app_mentions:read,chat:write\",\"bot_user_id\":\"U0BOT\",\"app_id\":\"A0APP\","
                        + "\"team\":{\"name\":\"Acme\",\"id\":\"" + team + "\"},\"enterprise\":null,"
                        + "\"is_enterprise_install\":false,\"authed_user\":{\"id\":\"U0MIA\"}}")));
        HttpResponse<String> done = OAuthFlow.start("slack", AdminTokens.user(switchboardUser)).callback(code);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return new Installed(team, botToken);
    }

    /** How often Slack was asked {@code auth.test} with the workspace's bot token. */
    static int authTestCalls(WireMockServer stubs, Installed team) {
        return stubs.findAll(getRequestedFor(urlPathEqualTo(AUTH_TEST))
                .withHeader("Authorization", equalTo("Bearer " + team.botToken()))).size();
    }

    /** Slack's documented {@code auth.test} answer for the workspace's bot. */
    static String authTestOk(String team) {
        return "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"switchboard\","
                + "\"team_id\":\"" + team + "\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\",\"is_enterprise_install\":false}";
    }
}
