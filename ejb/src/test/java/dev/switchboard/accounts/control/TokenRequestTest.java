package dev.switchboard.accounts.control;

import static dev.switchboard.accounts.control.OAuthFixtures.STUBS;
import static dev.switchboard.accounts.control.OAuthFixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenRequestTest {

    private static final OAuthEndpoints CLOUD = OAuthEndpoints.defaults();
    private static final OAuthClient CLIENT = new OAuthClient("client-id.42", "s3cr3t/with+chars=");
    private static final Pkce PKCE = Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    private static URI callback(OAuthProvider provider) {
        return provider.callbackUri("https://switchboard.example.com");
    }

    @Test
    void gitHubCodeExchangeSendsCredentialsAndVerifierInTheBodyAndAsksForJson() {
        TokenRequest request = TokenRequest.authorizationCode(OAuthProvider.GITHUB, CLOUD, CLIENT, "a1b2c3",
                callback(OAuthProvider.GITHUB), PKCE);

        assertThat(request.uri()).isEqualTo(URI.create("https://github.com/login/oauth/access_token"));
        assertThat(request.headers()).containsExactly(entry("Accept", "application/json"),
                entry("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(request.body()).isEqualTo("grant_type=authorization_code&code=a1b2c3"
                + "&redirect_uri=https%3A%2F%2Fswitchboard.example.com%2Fapi%2Foauth%2Fgithub%2Fcallback"
                + "&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
                + "&client_id=client-id.42&client_secret=s3cr3t%2Fwith%2Bchars%3D");
    }

    @Test
    void gitLabCodeExchangeWithPkce() {
        TokenRequest request = TokenRequest.authorizationCode(OAuthProvider.GITLAB, STUBS, CLIENT, "code-9",
                callback(OAuthProvider.GITLAB), PKCE);

        assertThat(request.uri()).isEqualTo(URI.create("http://stub:8089/gitlab/oauth/token"));
        assertThat(decode(request.body())).containsExactly(
                entry("grant_type", "authorization_code"),
                entry("code", "code-9"),
                entry("redirect_uri", "https://switchboard.example.com/api/oauth/gitlab/callback"),
                entry("code_verifier", PKCE.verifier()),
                entry("client_id", "client-id.42"),
                entry("client_secret", "s3cr3t/with+chars="));
        assertThat(request.headers()).doesNotContainKey("Authorization");
    }

    @Test
    void bitbucketAuthenticatesWithBasicAndKeepsCredentialsOutOfTheBody() {
        OAuthClient bitbucket = new OAuthClient("bbKey123", "bbSecret456");

        TokenRequest request = TokenRequest.authorizationCode(OAuthProvider.BITBUCKET, CLOUD, bitbucket, "xyz",
                callback(OAuthProvider.BITBUCKET), PKCE);

        assertThat(request.uri()).isEqualTo(URI.create("https://bitbucket.org/site/oauth2/access_token"));
        // base64("bbKey123:bbSecret456")
        assertThat(request.headers()).containsEntry("Authorization", "Basic YmJLZXkxMjM6YmJTZWNyZXQ0NTY=");
        assertThat(decode(request.body())).containsExactly(
                entry("grant_type", "authorization_code"),
                entry("code", "xyz"),
                entry("redirect_uri", "https://switchboard.example.com/api/oauth/bitbucket/callback"));
    }

    @Test
    void bitbucketRefreshUsesBasicToo() {
        TokenRequest request = TokenRequest.refresh(OAuthProvider.BITBUCKET, CLOUD,
                new OAuthClient("bbKey123", "bbSecret456"), "Yq6r9sT2uV4wX5zA7bC");

        assertThat(request.headers()).containsEntry("Authorization", "Basic YmJLZXkxMjM6YmJTZWNyZXQ0NTY=");
        assertThat(request.body()).isEqualTo("grant_type=refresh_token&refresh_token=Yq6r9sT2uV4wX5zA7bC");
    }

    @Test
    void slackCodeExchangeGoesToTheWebApiWithBasicAndNoVerifier() {
        TokenRequest request = TokenRequest.authorizationCode(OAuthProvider.SLACK, CLOUD,
                new OAuthClient("2141029472.691202649728", "e1f0c2"), "slack-code", callback(OAuthProvider.SLACK),
                PKCE);

        assertThat(request.uri()).isEqualTo(URI.create("https://slack.com/api/oauth.v2.access"));
        // base64("2141029472.691202649728:e1f0c2")
        assertThat(request.headers()).containsEntry("Authorization", "Basic MjE0MTAyOTQ3Mi42OTEyMDI2NDk3Mjg6ZTFmMGMy");
        assertThat(decode(request.body())).containsExactly(
                entry("grant_type", "authorization_code"),
                entry("code", "slack-code"),
                entry("redirect_uri", "https://switchboard.example.com/api/oauth/slack/callback"));
    }

    @Test
    void atlassianCodeExchangeHasNoVerifier() {
        TokenRequest request = TokenRequest.authorizationCode(OAuthProvider.JIRA, CLOUD, CLIENT, "atl-code",
                callback(OAuthProvider.JIRA), PKCE);

        assertThat(request.uri()).isEqualTo(URI.create("https://auth.atlassian.com/oauth/token"));
        assertThat(decode(request.body())).containsExactly(
                entry("grant_type", "authorization_code"),
                entry("code", "atl-code"),
                entry("redirect_uri", "https://switchboard.example.com/api/oauth/jira/callback"),
                entry("client_id", "client-id.42"),
                entry("client_secret", "s3cr3t/with+chars="));
    }

    @ParameterizedTest
    @EnumSource(value = OAuthProvider.class, names = {"GITHUB", "GITLAB", "JIRA"})
    void refreshWithCredentialsInTheBody(OAuthProvider provider) {
        TokenRequest request = TokenRequest.refresh(provider, STUBS, CLIENT, "refresh+me/1");

        assertThat(request.uri()).isEqualTo(provider.tokenUri(STUBS));
        assertThat(request.headers()).containsExactly(entry("Accept", "application/json"),
                entry("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(request.body()).isEqualTo("grant_type=refresh_token&refresh_token=refresh%2Bme%2F1"
                + "&client_id=client-id.42&client_secret=s3cr3t%2Fwith%2Bchars%3D");
    }

    @Test
    void slackRefresh() {
        TokenRequest request = TokenRequest.refresh(OAuthProvider.SLACK, CLOUD, new OAuthClient("a.b", "c"),
                "xoxe-1-abc");

        assertThat(request.headers()).containsEntry("Authorization", "Basic YS5iOmM=");
        assertThat(decode(request.body())).containsExactly(entry("grant_type", "refresh_token"),
                entry("refresh_token", "xoxe-1-abc"));
    }

    @Test
    void noVerifierWithoutPkce() {
        TokenRequest request = TokenRequest.authorizationCode(OAuthProvider.GITLAB, CLOUD, CLIENT, "c",
                callback(OAuthProvider.GITLAB), null);

        assertThat(request.form()).doesNotContainKey("code_verifier");
    }

    @Test
    void toStringShowsNoSecretCodeOrVerifier() {
        TokenRequest request = TokenRequest.authorizationCode(OAuthProvider.GITLAB, CLOUD, CLIENT, "the-code-123",
                callback(OAuthProvider.GITLAB), PKCE);
        TokenRequest basic = TokenRequest.refresh(OAuthProvider.BITBUCKET, CLOUD, CLIENT, "the-refresh-456");

        assertThat(request.toString()).contains("gitlab", "code_verifier", "client_secret")
                .doesNotContain("s3cr3t", "the-code-123", PKCE.verifier());
        assertThat(basic.toString()).doesNotContain("the-refresh-456", "Basic ");
        assertThat(CLIENT.toString()).contains("client-id.42").doesNotContain("s3cr3t");
    }
}
