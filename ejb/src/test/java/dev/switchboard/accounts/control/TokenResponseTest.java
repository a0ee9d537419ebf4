package dev.switchboard.accounts.control;

import static dev.switchboard.accounts.control.OAuthFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenResponseTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";

    private static final String GITHUB_ACCESS = "ghu_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String GITHUB_REFRESH =
            "ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498";

    @Test
    void gitHubFormEncodedSuccess() throws Exception {
        TokenResponse token = TokenResponse.parse(OAuthProvider.GITHUB, 200, FORM, fixture("github/token.form"));

        assertThat(token.accessToken()).isEqualTo(GITHUB_ACCESS);
        assertThat(token.refreshToken()).isEqualTo(GITHUB_REFRESH);
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(8));
        assertThat(token.refreshTokenExpiresIn()).isEqualTo(Duration.ofSeconds(15_897_600));
        assertThat(token.scopes()).isEmpty();
        assertThat(token.tokenType()).isEqualTo("bearer");
        assertThat(token.slack()).isNull();
    }

    @Test
    void gitHubJsonSuccess() throws Exception {
        TokenResponse token = TokenResponse.parse(OAuthProvider.GITHUB, 200, JSON, fixture("github/token.json"));

        assertThat(token.accessToken()).isEqualTo(GITHUB_ACCESS);
        assertThat(token.refreshToken()).isEqualTo(GITHUB_REFRESH);
        assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(28_800));
        assertThat(token.refreshTokenExpiresIn()).isEqualTo(Duration.ofSeconds(15_811_200));
        assertThat(token.tokenType()).isEqualTo("bearer");
    }

    @Test
    void gitHubOAuthAppScopesAreCommaSeparated() throws Exception {
        TokenResponse token = TokenResponse.parse(OAuthProvider.GITHUB, 200, FORM,
                "access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type=bearer");

        assertThat(token.scopes()).containsExactly("repo", "gist");
        assertThat(token.refreshToken()).isNull();
        assertThat(token.expiresIn()).isNull();
    }

    @Test
    void gitHubErrorComesWithStatus200AsFormData() {
        OAuthProviderException error = catchThrowableOfType(
                () -> TokenResponse.parse(OAuthProvider.GITHUB, 200, FORM, fixture("github/token_error.form")),
                OAuthProviderException.class);

        assertThat(error.provider()).isEqualTo(OAuthProvider.GITHUB);
        assertThat(error.error()).isEqualTo("bad_verification_code");
        assertThat(error.status()).isEqualTo(200);
        assertThat(error.isInvalidGrant()).isTrue();
        assertThat(error.description()).isEqualTo("The code passed is incorrect or expired.");
        assertThat(error.getMessage())
                .isEqualTo("github: bad_verification_code (HTTP 200): The code passed is incorrect or expired.");
    }

    @Test
    void gitHubBadRefreshTokenMeansRelink() {
        OAuthProviderException error = catchThrowableOfType(
                () -> TokenResponse.parse(OAuthProvider.GITHUB, 200, FORM, fixture("github/refresh_error.form")),
                OAuthProviderException.class);

        assertThat(error.error()).isEqualTo("bad_refresh_token");
        assertThat(error.isInvalidGrant()).isTrue();
    }

    @Test
    void gitHubWrongClientCredentialsIsNotAnInvalidGrant() {
        OAuthProviderException error = catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.GITHUB, 200, FORM,
                "error=incorrect_client_credentials&error_description=The+client_id+and%2For+client_secret+passed"
                        + "+are+incorrect."),
                OAuthProviderException.class);

        assertThat(error.error()).isEqualTo("incorrect_client_credentials");
        assertThat(error.isInvalidGrant()).isFalse();
    }

    @Test
    void gitLabSuccess() throws Exception {
        TokenResponse token = TokenResponse.parse(OAuthProvider.GITLAB, 200, JSON, fixture("gitlab/token.json"));

        assertThat(token.accessToken()).isEqualTo("de6780bc506a0446309bd9362820ba8aed28aa506c71eedbe1c5c4f9dd350e54");
        assertThat(token.refreshToken()).isEqualTo("8257e65c97202ed1726cf9571600918f3bffb2544b26e00a61df9897668c33a1");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(2));
        assertThat(token.refreshTokenExpiresIn()).isNull();
        assertThat(token.scopes()).containsExactly("api", "read_user");
        assertThat(token.tokenType()).isEqualTo("bearer");
    }

    @Test
    void gitLabInvalidGrant() {
        OAuthProviderException error = catchThrowableOfType(
                () -> TokenResponse.parse(OAuthProvider.GITLAB, 400, JSON, fixture("gitlab/invalid_grant.json")),
                OAuthProviderException.class);

        assertThat(error.error()).isEqualTo("invalid_grant");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.isInvalidGrant()).isTrue();
        assertThat(error.getMessage()).startsWith("gitlab: invalid_grant (HTTP 400): The provided authorization grant");
    }

    @Test
    void bitbucketSuccessNamesItsScopesScopes() throws Exception {
        TokenResponse token = TokenResponse.parse(OAuthProvider.BITBUCKET, 200, JSON, fixture("bitbucket/token.json"));

        assertThat(token.accessToken()).isEqualTo("KwmQbvMR8p3uZ0D2cWqQyL1Ewk7k6aBs5C4yjHdTzNnXoF_Vr9S-ePgqiA3JtGhU=");
        assertThat(token.refreshToken()).isEqualTo("Yq6r9sT2uV4wX5zA7bC");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(2));
        assertThat(token.scopes()).containsExactly("account", "repository", "pullrequest:write");
    }

    @Test
    void bitbucketInvalidCode() {
        OAuthProviderException error = catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.BITBUCKET, 400,
                JSON, fixture("bitbucket/invalid_grant.json")), OAuthProviderException.class);

        assertThat(error.isInvalidGrant()).isTrue();
        assertThat(error.description()).isEqualTo("The specified code is not valid.");
    }

    @Test
    void atlassianCodeExchange() throws Exception {
        TokenResponse token = TokenResponse.parse(OAuthProvider.JIRA, 200, JSON, fixture("jira/token.json"));

        assertThat(token.accessToken()).startsWith("eyJraWQiOiJhdXRoLmF0bGFzc2lhbi5jb20tQUNDRVNTLTk0ZTczYTkwLTUx")
                .endsWith(".c2lnbmF0dXJl");
        assertThat(token.refreshToken()).endsWith(".cmVmcmVzaDE");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(token.scopes()).containsExactly("read:jira-work", "write:jira-work", "read:jira-user", "read:me",
                "offline_access");
    }

    @Test
    void atlassianRefreshRotatesTheRefreshToken() throws Exception {
        String previous = TokenResponse.parse(OAuthProvider.JIRA, 200, JSON, fixture("jira/token.json")).refreshToken();

        TokenResponse refreshed = TokenResponse.parse(OAuthProvider.JIRA, 200, JSON, fixture("jira/refresh_rotated.json"));

        assertThat(refreshed.refreshToken()).endsWith(".cmVmcmVzaDI").isNotEqualTo(previous);
        assertThat(refreshed.refreshTokenOr(previous)).isEqualTo(refreshed.refreshToken());
        assertThat(refreshed.accessToken()).endsWith(".c2lnbmF0dXJlMg");
    }

    @Test
    void aRefreshWithoutANewRefreshTokenKeepsTheOldOne() throws Exception {
        TokenResponse refreshed = TokenResponse.parse(OAuthProvider.GITLAB, 200, JSON,
                "{\"access_token\":\"new-access-7f3a\",\"token_type\":\"Bearer\",\"expires_in\":7200}");

        assertThat(refreshed.refreshToken()).isNull();
        assertThat(refreshed.refreshTokenOr("old-refresh-1")).isEqualTo("old-refresh-1");
    }

    @Test
    void atlassianInvalidRefreshToken() {
        OAuthProviderException error = catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.JIRA, 403, JSON,
                fixture("jira/invalid_refresh.json")), OAuthProviderException.class);

        assertThat(error.isInvalidGrant()).isTrue();
        assertThat(error.getMessage()).isEqualTo("jira: invalid_grant (HTTP 403): Unknown or invalid refresh token.");
    }

    @Test
    void slackCodeExchangeGivesTheBotTokenAndTheAuthorizingUser() throws Exception {
        TokenResponse token = TokenResponse.parse(OAuthProvider.SLACK, 200, JSON, fixture("slack/oauth_v2_access.json"));

        assertThat(token.accessToken()).isEqualTo("xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy");
        assertThat(token.tokenType()).isEqualTo("bot");
        assertThat(token.refreshToken()).isNull();
        assertThat(token.expiresIn()).isNull();
        assertThat(token.scopes()).hasSize(7).startsWith("app_mentions:read", "channels:history");
        SlackInstallation slack = token.slack();
        assertThat(slack.teamId()).isEqualTo("T9TK3CUKW");
        assertThat(slack.teamName()).isEqualTo("Slack Softball Team");
        assertThat(slack.enterpriseId()).isEqualTo("E12345678");
        assertThat(slack.enterpriseName()).isEqualTo("slack-sports");
        assertThat(slack.botUserId()).isEqualTo("U0KRQLJ9H");
        assertThat(slack.appId()).isEqualTo("A0KRD7HC3");
        assertThat(slack.authedUser().id()).isEqualTo("U1234");
        assertThat(slack.authedUser().accessToken()).isEqualTo("xoxp-1234-5678-91011-00e4dd3a9fbd1bbd3ae6d2e6e8b0c5d4");
        assertThat(slack.authedUser().scopes()).containsExactly("users:read");
        assertThat(slack.authedUser().tokenType()).isEqualTo("user");
        assertThat(token.toString()).doesNotContain("xoxb-", "xoxp-").contains("T9TK3CUKW");
    }

    @Test
    void slackWithTokenRotation() throws Exception {
        TokenResponse token = TokenResponse.parse(OAuthProvider.SLACK, 200, JSON,
                fixture("slack/oauth_v2_access_rotation.json"));

        assertThat(token.accessToken()).isEqualTo("xoxe.xoxb-1-MS0yLTE3NjUzNjcyNDgxLTE5ODc0Njk4MzIz");
        assertThat(token.refreshToken()).isEqualTo("xoxe-1-My0xLTE3NjUzNjcyNDgxLTE5ODc0Njk4MzIzLWFiY2Rl");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(12));
        assertThat(token.slack().enterpriseId()).isNull();
        assertThat(token.slack().authedUser().accessToken()).isNull();
    }

    @Test
    void slackUserOnlyInstallUsesTheUserToken() throws Exception {
        TokenResponse token = TokenResponse.parse(OAuthProvider.SLACK, 200, JSON, """
                {"ok": true, "app_id": "A0KRD7HC3", "team": {"id": "T9TK3CUKW", "name": "Softball"},
                 "enterprise": null, "authed_user": {"id": "U1234", "scope": "users:read,search:read",
                 "access_token": "xoxp-1234-5678-abcdef", "token_type": "user"}}
                """);

        assertThat(token.accessToken()).isEqualTo("xoxp-1234-5678-abcdef");
        assertThat(token.tokenType()).isEqualTo("user");
        assertThat(token.scopes()).containsExactly("users:read", "search:read");
    }

    @Test
    void slackOkFalse() {
        OAuthProviderException error = catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.SLACK, 200, JSON,
                fixture("slack/oauth_v2_access_error.json")), OAuthProviderException.class);

        assertThat(error.error()).isEqualTo("invalid_code");
        assertThat(error.isInvalidGrant()).isTrue();
        assertThat(error.getMessage()).isEqualTo("slack: invalid_code (HTTP 200)");
    }

    @Test
    void slackInvalidRefreshToken() {
        OAuthProviderException error = catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.SLACK, 200, JSON,
                "{\"ok\":false,\"error\":\"invalid_refresh_token\"}"), OAuthProviderException.class);

        assertThat(error.isInvalidGrant()).isTrue();
    }

    @Test
    void slackWithoutOkIsMalformed() {
        OAuthProviderException error = catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.SLACK, 200, JSON,
                "{\"access_token\":\"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy\"}"),
                OAuthProviderException.class);

        assertThat(error.error()).isEqualTo(OAuthProviderException.MALFORMED_RESPONSE);
        assertThat(error.getMessage()).isEqualTo("slack: malformed_response (HTTP 200): the response has no ok")
                .doesNotContain("xoxb-");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gitlab    | 200 | application/json | {\"access_token\": \"de6780bc506a0446309bd9362\", \"expires_in\": | the response is not valid JSON",
        "gitlab    | 200 | application/json | [\"de6780bc506a0446309bd9362\"]                               | the response is not a JSON object",
        "bitbucket | 200 | application/json | {\"token_type\": \"bearer\", \"refresh_token\": \"Yq6r9sT2uV4wX5zA7bC\"} | the response has no access_token",
        "jira      | 200 | application/json | {\"access_token\": 12345, \"expires_in\": 3600}           | access_token is not a string",
        "jira      | 200 | application/json | {\"access_token\": \"eyJabc.def.ghi123\", \"expires_in\": \"soon\"} | expires_in is not a number of seconds",
        "github    | 200 | text/html        | <html>ghu_16C7e42F292c6912E7710c838347Ae178B4a</html>    | the response is neither JSON nor form data",
        "github    | 200 | application/json | ''                                                       | the response body is empty",
    })
    void malformedBodiesAreRejectedWithoutQuotingThem(String id, int status, String contentType, String body,
            String fault) {
        OAuthProvider provider = OAuthProvider.byId(id).orElseThrow();

        OAuthProviderException error = catchThrowableOfType(
                () -> TokenResponse.parse(provider, status, contentType, body), OAuthProviderException.class);

        assertThat(error.error()).isEqualTo(OAuthProviderException.MALFORMED_RESPONSE);
        assertThat(error.isInvalidGrant()).isFalse();
        assertThat(error.getMessage()).isEqualTo(id + ": malformed_response (HTTP " + status + "): " + fault);
        assertThat(error.getCause()).isNull();
    }

    @Test
    void aBadGatewayPageIsAnUnexpectedStatus() {
        OAuthProviderException error = catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.GITLAB, 502,
                "text/html", "<html><body>502 Bad Gateway</body></html>"), OAuthProviderException.class);

        assertThat(error.error()).isEqualTo(OAuthProviderException.UNEXPECTED_STATUS);
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.getMessage()).isEqualTo("gitlab: unexpected_status (HTTP 502): no OAuth error in the response");
    }

    @Test
    void aNon2xxWithATokenButNoErrorIsNotASuccess() {
        OAuthProviderException error = catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.GITLAB, 500, JSON,
                fixture("gitlab/token.json")), OAuthProviderException.class);

        assertThat(error.error()).isEqualTo(OAuthProviderException.UNEXPECTED_STATUS);
        assertThat(error.getMessage()).doesNotContain("de6780bc506a0446309bd9362820ba8aed28aa506c71eedbe1c5c4f9dd350e54");
    }

    @Test
    void aDescriptionEchoingACredentialIsRedacted() {
        OAuthProviderException error = catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.GITLAB, 400, JSON,
                "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token "
                        + "8257e65c97202ed1726cf9571600918f3bffb2544b26e00a61df9897668c33a1 was revoked; "
                        + "client gloas-7d1f0c2e secret not accepted, token ghr_1B4a2e77 expired\"}"),
                OAuthProviderException.class);

        assertThat(error.getMessage())
                .isEqualTo("gitlab: invalid_grant (HTTP 400): refresh token [redacted] was revoked; "
                        + "client [redacted] secret not accepted, token [redacted] expired");
    }

    @Test
    void noExceptionMessageContainsAFixtureToken() {
        List<String> tokens = List.of(GITHUB_ACCESS, GITHUB_REFRESH,
                "de6780bc506a0446309bd9362820ba8aed28aa506c71eedbe1c5c4f9dd350e54",
                "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
                "xoxp-1234-5678-91011-00e4dd3a9fbd1bbd3ae6d2e6e8b0c5d4", "Yq6r9sT2uV4wX5zA7bC");
        List<OAuthProviderException> errors = List.of(
                // success bodies spoiled in ways that fail after the tokens were read
                catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.GITHUB, 200, FORM,
                        fixture("github/token.form").replace("expires_in=28800", "expires_in=8h")),
                        OAuthProviderException.class),
                catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.GITLAB, 200, JSON,
                        fixture("gitlab/token.json").replace("\"expires_in\": 7200", "\"expires_in\": 7200.5")),
                        OAuthProviderException.class),
                catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.SLACK, 200, JSON,
                        fixture("slack/oauth_v2_access.json").replace("\"id\": \"T9TK3CUKW\"", "\"id\": 42")),
                        OAuthProviderException.class),
                catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.BITBUCKET, 200, JSON,
                        fixture("bitbucket/token.json").replace("}", "")),
                        OAuthProviderException.class),
                catchThrowableOfType(() -> TokenResponse.parse(OAuthProvider.GITHUB, 200, FORM,
                        fixture("github/token_error.form") + "&access_token=" + GITHUB_ACCESS),
                        OAuthProviderException.class));

        assertThat(errors).hasSize(5).doesNotContainNull().allSatisfy(error -> {
            assertThat(error.getMessage()).isNotBlank();
            tokens.forEach(token -> assertThat(error.getMessage()).doesNotContain(token));
            tokens.forEach(token -> assertThat(String.valueOf(error.description())).doesNotContain(token));
        });
    }
}
