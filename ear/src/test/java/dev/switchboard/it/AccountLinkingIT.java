package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each provider's authorization-code flow against stubs that answer as the provider documents. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountLinkingIT {

    private static final WireMockServer STUBS = ProviderStubs.start();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @Test
    void githubLinksWithItsFormEncodedTokenAnswerAndStoresTokensEncrypted() throws Exception {
        String user = "it-gh-" + UUID.randomUUID();
        String code = "gh-code-" + UUID.randomUUID();
        String accessToken = "ghu_" + unique();
        String refreshToken = "ghr_" + unique();
        long githubId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        STUBS.stubFor(post(urlPathEqualTo("/github/login/oauth/access_token"))
                .withRequestBody(containing("code=" + code))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .withBody("access_token=" + accessToken + "&expires_in=28800&refresh_token=" + refreshToken
                                + "&refresh_token_expires_in=15811200&scope=&token_type=bearer")));
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"login\":\"octo-" + githubId + "\",\"id\":" + githubId
                        + ",\"type\":\"User\",\"name\":\"The Octocat\",\"email\":null}")));

        OAuthFlow flow = OAuthFlow.start("github", AdminTokens.user(user));
        assertThat(flow.authorizeUrl().toString()).startsWith("http://127.0.0.1:8089/github/login/oauth/authorize?");
        assertThat(flow.query()).containsEntry("client_id", "Iv1.it0github0client")
                .containsEntry("redirect_uri", "http://127.0.0.1:8080/api/oauth/github/callback")
                .containsEntry("response_type", "code").containsKey("state");
        HttpResponse<String> done = flow.callback(code);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done.body()).getString("linked")).isEqualTo("github");
        assertThat(json(done.body()).getString("login")).isEqualTo("octo-" + githubId);

        STUBS.verify(postRequestedFor(urlPathEqualTo("/github/login/oauth/access_token"))
                .withRequestBody(containing("client_secret=it-github-client-secret"))
                .withRequestBody(containing("redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fapi%2Foauth%2Fgithub%2Fcallback")));

        JsonArray accounts = Json.createReader(new StringReader(
                Server.get("/api/me/accounts", AdminTokens.user(user)).body())).readArray();
        assertThat(accounts).hasSize(1);
        JsonObject account = accounts.getJsonObject(0);
        assertThat(account.getString("provider")).isEqualTo("github");
        assertThat(account.getString("login")).isEqualTo("octo-" + githubId);
        assertThat(account.getString("status")).isEqualTo("ACTIVE");
        assertThat(account.getString("accessTokenExpiresAt")).isNotBlank();
        assertThat(accounts.toString()).doesNotContain(accessToken).doesNotContain(refreshToken).doesNotContain("v1.");

        Map<String, Object> row = Tokens.linkedAccount("github", String.valueOf(githubId));
        assertThat((String) row.get("access_token")).startsWith("v1.").doesNotContain(accessToken);
        assertThat((String) row.get("refresh_token")).startsWith("v1.").doesNotContain(refreshToken);
        Tokens.assertNoPlaintext(accessToken, refreshToken);
    }

    @Test
    void gitlabSendsThePkceVerifierWhoseChallengeWentOnTheAuthorizeUrl() throws Exception {
        String user = "it-gl-" + UUID.randomUUID();
        String code = "gl-code-" + UUID.randomUUID();
        long gitlabId = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L);
        String accessToken = "gloat-" + unique();
        STUBS.stubFor(post(urlPathEqualTo("/gitlab/oauth/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
                        + "\"refresh_token\":\"glrt-" + unique() + "\",\"scope\":\"api read_user\",\"created_at\":1732700000}")));
        STUBS.stubFor(get(urlPathEqualTo("/gitlab/api/v4/user")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"id\":" + gitlabId + ",\"username\":\"jdoe" + gitlabId
                        + "\",\"name\":\"Jane Doe\",\"state\":\"active\",\"email\":\"jane@example.com\"}")));

        OAuthFlow flow = OAuthFlow.start("gitlab", AdminTokens.user(user));
        assertThat(flow.query()).containsEntry("code_challenge_method", "S256").containsEntry("scope", "api read_user");
        String challenge = flow.query().get("code_challenge");
        assertThat(flow.callback(code).statusCode()).isEqualTo(200);

        var requests = STUBS.findAll(postRequestedFor(urlPathEqualTo("/gitlab/oauth/token")).withRequestBody(containing("code=" + code)));
        assertThat(requests).hasSize(1);
        String verifier = OAuthFlow.query(java.net.URI.create("x:/?" + requests.get(0).getBodyAsString())).get("code_verifier");
        assertThat(verifier).isNotBlank();
        String s256 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(s256).isEqualTo(challenge);
        assertThat(Tokens.linkedAccount("gitlab", String.valueOf(gitlabId)).get("login")).isEqualTo("jdoe" + gitlabId);
    }

    @Test
    void bitbucketAuthenticatesTheClientWithHttpBasic() {
        String user = "it-bb-" + UUID.randomUUID();
        String code = "bb-code-" + UUID.randomUUID();
        String uuid = "{" + UUID.randomUUID() + "}";
        String accessToken = "bb-access-" + unique();
        STUBS.stubFor(post(urlPathEqualTo("/bitbucket/site/oauth2/access_token")).withRequestBody(containing("code=" + code))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
                        "it-bitbucket-key:it-bitbucket-secret".getBytes(StandardCharsets.UTF_8))))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"scopes\":\"account repository\","
                        + "\"expires_in\":7200,\"refresh_token\":\"bb-refresh-" + unique() + "\",\"token_type\":\"bearer\","
                        + "\"state\":\"authorization_code\"}")));
        STUBS.stubFor(get(urlPathEqualTo("/bitbucket-api/2.0/user")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"uuid\":\"" + uuid + "\",\"username\":\"bb-dev\",\"display_name\":\"BB Dev\","
                        + "\"account_id\":\"557058:abc\",\"type\":\"user\"}")));
        HttpResponse<String> done = OAuthFlow.start("bitbucket", AdminTokens.user(user)).callback(code);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(Tokens.linkedAccount("bitbucket", uuid).get("scopes")).isEqualTo("account repository");
    }

    @Test
    void slackStoresTheWorkspaceBotTokenEncryptedAndLinksTheInstallingUser() {
        String user = "it-sl-" + UUID.randomUUID();
        String code = "sl-code-" + UUID.randomUUID();
        String team = "T" + unique().substring(0, 9).toUpperCase();
        String botToken = "xoxb-" + unique();
        String userToken = "xoxp-" + unique();
        STUBS.stubFor(post(urlPathEqualTo("/slack/api/oauth.v2.access")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"ok\":true,\"access_token\":\"" + botToken + "\",\"token_type\":\"bot\","
                        + "\"scope\":\"app_mentions:read,chat:write\",\"bot_user_id\":\"U0BOT\",\"app_id\":\"A0APP\","
                        + "\"team\":{\"name\":\"Acme\",\"id\":\"" + team + "\"},\"enterprise\":null,\"is_enterprise_install\":false,"
                        + "\"authed_user\":{\"id\":\"U0MIA\",\"scope\":\"users:read\",\"access_token\":\"" + userToken
                        + "\",\"token_type\":\"user\"}}")));
        HttpResponse<String> done = OAuthFlow.start("slack", AdminTokens.user(user)).callback(code);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(Tokens.linkedAccount("slack", team + ":U0MIA")).isNotNull();
        Map<String, Object> installation = Tokens.row("select * from slack_installation where team_id = ?", team);
        assertThat(installation.get("team_name")).isEqualTo("Acme");
        assertThat(installation.get("bot_user_id")).isEqualTo("U0BOT");
        assertThat((String) installation.get("bot_token")).startsWith("v1.").doesNotContain(botToken);
        Tokens.assertNoPlaintext(botToken, userToken);
    }

    @Test
    void slackOkFalseEndsWithAClearError() {
        String code = "sl-bad-" + UUID.randomUUID();
        STUBS.stubFor(post(urlPathEqualTo("/slack/api/oauth.v2.access")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_code\"}")));
        HttpResponse<String> done = OAuthFlow.start("slack", AdminTokens.user("it-sl-bad-" + UUID.randomUUID())).callback(code);
        assertThat(done.statusCode()).isEqualTo(400);
        assertThat(json(done.body()).getString("error")).contains("invalid_code");
    }

    @Test
    void jiraFindsTheCloudIdThroughAccessibleResources() {
        String user = "it-ji-" + UUID.randomUUID();
        String code = "ji-code-" + UUID.randomUUID();
        String accessToken = "eyJ" + unique();
        String accountId = "5b10ac8d82e05b22cc7d" + unique().substring(0, 4);
        String cloudId = UUID.randomUUID().toString();
        String site = "https://acme-" + unique().substring(0, 6) + ".atlassian.net";
        JiraLinks.stub(code, accessToken, accountId, cloudId, site);
        OAuthFlow flow = OAuthFlow.start("jira", AdminTokens.user(user));
        assertThat(flow.query()).containsEntry("audience", "api.atlassian.com").containsEntry("prompt", "consent");
        HttpResponse<String> done = flow.callback(code);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(Tokens.linkedAccount("jira", accountId).get("login")).isNotNull();
        assertThat(Tokens.row("select * from jira_workspace where site_url = ?", site).get("cloud_id")).isEqualTo(cloudId);
    }

    @Test
    void providerErrorsAndBadStatesEndWithClearJsonErrors() {
        String bearer = AdminTokens.user("it-err-" + UUID.randomUUID());
        OAuthFlow denied = OAuthFlow.start("github", bearer);
        HttpResponse<String> r = denied.callbackWith("error=access_denied&error_description=The+user+has+denied+your+application+access.&state="
                + denied.state(), denied.cookie());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).getString("error")).contains("access_denied");
        assertThat(denied.callback("late-code").statusCode()).as("state is single use").isEqualTo(400);
        assertThat(json(denied.callback("late-code").body()).getString("error")).contains("already used");

        OAuthFlow noCookie = OAuthFlow.start("gitlab", bearer);
        HttpResponse<String> foreign = noCookie.callbackWith("code=x&state=" + noCookie.state(), null);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(json(foreign.body()).getString("error")).contains("another user");

        OAuthFlow expired = OAuthFlow.start("gitlab", bearer);
        Database.execute("UPDATE oauth_state SET expires_at = now() - interval '1 second' WHERE used_at IS NULL");
        HttpResponse<String> late = expired.callback("x");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(json(late.body()).getString("error")).contains("expired");

        OAuthFlow otherProvider = OAuthFlow.start("gitlab", bearer);
        HttpResponse<String> crossed = new OAuthFlow("github", otherProvider.authorizeUrl(), otherProvider.query(),
                otherProvider.cookie()).callback("x");
        assertThat(crossed.statusCode()).isEqualTo(400);

        assertThat(new OAuthFlow("github", null, Map.of("state", "made-up"), null).callback("x").statusCode()).isEqualTo(400);
        assertThat(Server.get("/api/oauth/myspace/authorize", bearer).statusCode()).isEqualTo(404);
        assertThat(Server.get("/api/oauth/github/authorize", null).statusCode()).isEqualTo(401);
        HttpResponse<String> open = Server.get("/api/oauth/github/authorize?redirect=https%3A%2F%2Fevil.example%2F", bearer);
        assertThat(open.statusCode()).isEqualTo(400);
        assertThat(json(open.body()).getString("error")).contains("redirect");
        assertThat(Server.get("/api/oauth/github/authorize?redirect=%2F%2Fevil.example", bearer).statusCode()).isEqualTo(400);
    }

    /**
     * Login CSRF: a state started by user A and completed in user B's browser (B's own flow cookie) is refused, so A
     * cannot get their provider account linked to B, nor B to A's.
     */
    @Test
    void aStateStartedByOneUserCannotBeCompletedByAnother() {
        String a = AdminTokens.user("it-csrf-a-" + UUID.randomUUID());
        String b = AdminTokens.user("it-csrf-b-" + UUID.randomUUID());
        int linked = Database.queryInt("select count(*) from linked_account");
        OAuthFlow started = OAuthFlow.start("github", a);
        OAuthFlow other = OAuthFlow.start("github", b);
        HttpResponse<String> crossed = started.callbackWith("code=csrf-code&state=" + started.state(), other.cookie());
        assertThat(crossed.statusCode()).as(crossed.body()).isEqualTo(400);
        assertThat(json(crossed.body()).getString("error")).contains("another user");
        HttpResponse<String> reversed = other.callbackWith("code=csrf-code&state=" + other.state(), started.cookie());
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(400);
        assertThat(Database.queryInt("select count(*) from linked_account")).as("nothing linked").isEqualTo(linked);
    }

    @Test
    void anAllowedRedirectIsFollowedAfterLinking() {
        String user = "it-redirect-" + UUID.randomUUID();
        String code = "gl-redir-" + UUID.randomUUID();
        String accessToken = "gloat-" + unique();
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        STUBS.stubFor(post(urlPathEqualTo("/gitlab/oauth/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":7200}")));
        STUBS.stubFor(get(urlPathEqualTo("/gitlab/api/v4/user")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"id\":" + id + ",\"username\":\"redir\",\"name\":\"R\"}")));
        HttpResponse<String> done = OAuthFlow.start("gitlab", AdminTokens.user(user), "/console/accounts").callback(code);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/console/accounts?linked=gitlab");
    }

    @Test
    void unlinkingRevokesAtGitLabAndForgetsTheLink() {
        String user = "it-unlink-" + UUID.randomUUID();
        String code = "gl-unlink-" + UUID.randomUUID();
        String accessToken = "gloat-" + unique();
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        STUBS.stubFor(post(urlPathEqualTo("/gitlab/oauth/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
                        + "\"refresh_token\":\"glrt-" + unique() + "\"}")));
        STUBS.stubFor(get(urlPathEqualTo("/gitlab/api/v4/user")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"id\":" + id + ",\"username\":\"leaver\",\"name\":\"L\"}")));
        STUBS.stubFor(post(urlPathEqualTo("/gitlab/oauth/revoke")).withRequestBody(containing("token=" + accessToken))
                .willReturn(okJson("{}")));
        String bearer = AdminTokens.user(user);
        assertThat(OAuthFlow.start("gitlab", bearer).callback(code).statusCode()).isEqualTo(200);

        HttpResponse<String> gone = Server.delete("/api/me/accounts/gitlab", bearer);
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(200);
        assertThat(json(gone.body()).getBoolean("revokedAtProvider")).isTrue();
        STUBS.verify(postRequestedFor(urlPathEqualTo("/gitlab/oauth/revoke")).withRequestBody(containing("token=" + accessToken)));
        assertThat(Server.get("/api/me/accounts", bearer).body()).isEqualTo("[]");
    }

    @Test
    void meDescribesTheSignedInUser() {
        String subject = "it-me-" + UUID.randomUUID();
        HttpResponse<String> me = Server.get("/api/me", AdminTokens.user(subject));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me.body()).getString("subject")).isEqualTo(subject);
        assertThat(json(me.body()).getString("issuer")).isEqualTo(AdminTokens.ISSUER);
        assertThat(Server.get("/api/me", null).statusCode()).isEqualTo(401);
    }

    @AfterAll
    static void noSecretReachedTheLog() {
        ServerLog.containsNone("it-github-client-secret-0123456789", "gloas-it-gitlab-client-secret", "it-bitbucket-secret",
                "it-slack-client-secret", "it-jira-client-secret", "ghu_", "ghr_", "xoxb-", "xoxp-", "gloat-", "glrt-");
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
