package dev.switchboard.accounts.control;

import static dev.switchboard.accounts.control.OAuthFixtures.STUBS;
import static dev.switchboard.accounts.control.OAuthFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthorizeRequestTest {

    private static final OAuthEndpoints CLOUD = OAuthEndpoints.defaults();
    private static final String STATE = "st4te-Zk9_xQ";
    private static final Pkce PKCE = Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    private static URI callback(OAuthProvider provider) {
        return provider.callbackUri("https://switchboard.example.com");
    }

    @Test
    void gitHubAppTakesNoScopeAndAcceptsPkce() {
        URI uri = AuthorizeRequest.create(OAuthProvider.GITHUB, CLOUD, "Iv1.8a61f9b3a7aba766", STATE,
                callback(OAuthProvider.GITHUB), PKCE).uri();

        assertThat(uri.toString()).startsWith("https://github.com/login/oauth/authorize?");
        assertThat(query(uri)).containsExactly(
                entry("response_type", "code"),
                entry("client_id", "Iv1.8a61f9b3a7aba766"),
                entry("redirect_uri", "https://switchboard.example.com/api/oauth/github/callback"),
                entry("state", STATE),
                entry("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
                entry("code_challenge_method", "S256"));
    }

    @Test
    void gitLabScopesAreSpaceSeparatedAndPercentEncoded() {
        URI uri = AuthorizeRequest.create(OAuthProvider.GITLAB, CLOUD, "gl-app-1", STATE,
                callback(OAuthProvider.GITLAB), PKCE).uri();

        assertThat(uri.getRawQuery()).contains("&scope=api%20read_user&");
        assertThat(query(uri)).containsExactly(
                entry("response_type", "code"),
                entry("client_id", "gl-app-1"),
                entry("redirect_uri", "https://switchboard.example.com/api/oauth/gitlab/callback"),
                entry("state", STATE),
                entry("scope", "api read_user"),
                entry("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
                entry("code_challenge_method", "S256"));
    }

    @Test
    void bitbucketTakesNoScopeAndNoPkce() {
        URI uri = AuthorizeRequest.create(OAuthProvider.BITBUCKET, CLOUD, "bbKey123", STATE,
                callback(OAuthProvider.BITBUCKET), PKCE).uri();

        assertThat(uri.toString()).startsWith("https://bitbucket.org/site/oauth2/authorize?");
        assertThat(query(uri)).containsExactly(
                entry("response_type", "code"),
                entry("client_id", "bbKey123"),
                entry("redirect_uri", "https://switchboard.example.com/api/oauth/bitbucket/callback"),
                entry("state", STATE));
    }

    @Test
    void slackPutsBotScopesInScopeAndUserScopesInUserScopeCommaSeparated() {
        URI uri = AuthorizeRequest.create(OAuthProvider.SLACK, CLOUD, "2141029472.691202649728", STATE,
                callback(OAuthProvider.SLACK), PKCE).uri();

        assertThat(uri.toString()).startsWith("https://slack.com/oauth/v2/authorize?");
        assertThat(uri.getRawQuery()).contains("scope=app_mentions%3Aread%2Cchannels%3Ahistory%2C");
        assertThat(query(uri)).containsExactly(
                entry("response_type", "code"),
                entry("client_id", "2141029472.691202649728"),
                entry("redirect_uri", "https://switchboard.example.com/api/oauth/slack/callback"),
                entry("state", STATE),
                entry("scope", "app_mentions:read,channels:history,chat:write,groups:history,im:history,"
                        + "mpim:history,reactions:write,users:read"),
                entry("user_scope", "users:read"));
    }

    @Test
    void atlassianAddsAudienceAndConsentPromptAndNoPkce() {
        URI uri = AuthorizeRequest.create(OAuthProvider.JIRA, CLOUD, "aTlAsSiAnClIeNt", STATE,
                callback(OAuthProvider.JIRA), PKCE).uri();

        assertThat(uri.toString()).startsWith("https://auth.atlassian.com/authorize?");
        assertThat(uri.getRawQuery())
                .contains("scope=read%3Ajira-work%20write%3Ajira-work%20read%3Ajira-user%20read%3Ame%20offline_access");
        assertThat(query(uri)).containsExactly(
                entry("response_type", "code"),
                entry("client_id", "aTlAsSiAnClIeNt"),
                entry("redirect_uri", "https://switchboard.example.com/api/oauth/jira/callback"),
                entry("state", STATE),
                entry("scope", "read:jira-work write:jira-work read:jira-user read:me offline_access"),
                entry("audience", "api.atlassian.com"),
                entry("prompt", "consent"));
    }

    @ParameterizedTest
    @EnumSource(OAuthProvider.class)
    void aRedirectUriWithItsOwnQueryIsEncodedWhole(OAuthProvider provider) {
        URI redirect = URI.create("https://switchboard.example.com/api/oauth/" + provider.id()
                + "/callback?next=/console&tab=a+b");

        URI uri = AuthorizeRequest.create(provider, STUBS, "client", "s&t=1", redirect, null).uri();

        assertThat(uri.getRawQuery()).contains("&redirect_uri=https%3A%2F%2Fswitchboard.example.com%2Fapi%2Foauth%2F"
                + provider.id() + "%2Fcallback%3Fnext%3D%2Fconsole%26tab%3Da%2Bb&");
        assertThat(uri.getRawQuery()).contains("&state=s%26t%3D1");
        assertThat(query(uri)).contains(entry("redirect_uri", redirect.toString()), entry("state", "s&t=1"));
        assertThat(uri.toString()).startsWith(provider.authorizeUri(STUBS) + "?");
    }

    @ParameterizedTest
    @EnumSource(OAuthProvider.class)
    void pkceParametersExactlyWhenSupported(OAuthProvider provider) {
        Map<String, String> withPkce = query(AuthorizeRequest.create(provider, CLOUD, "client", STATE,
                callback(provider), PKCE).uri());
        Map<String, String> withoutPkce = query(AuthorizeRequest.create(provider, CLOUD, "client", STATE,
                callback(provider), null).uri());

        if (provider.supportsPkce()) {
            assertThat(withPkce).contains(entry("code_challenge", PKCE.challenge()),
                    entry("code_challenge_method", "S256"));
        } else {
            assertThat(withPkce).doesNotContainKeys("code_challenge", "code_challenge_method");
        }
        assertThat(withoutPkce).doesNotContainKeys("code_challenge", "code_challenge_method");
    }
}
