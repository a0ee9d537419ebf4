package dev.switchboard.accounts.control;

import static dev.switchboard.accounts.control.OAuthFixtures.STUBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.accounts.control.OAuthProvider.ClientAuthentication;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OAuthProviderTest {

    @ParameterizedTest
    @CsvSource({
        "github,    https://github.com/login/oauth/authorize,    https://github.com/login/oauth/access_token",
        "gitlab,    https://gitlab.com/oauth/authorize,          https://gitlab.com/oauth/token",
        "bitbucket, https://bitbucket.org/site/oauth2/authorize, https://bitbucket.org/site/oauth2/access_token",
        "slack,     https://slack.com/oauth/v2/authorize,        https://slack.com/api/oauth.v2.access",
        "jira,      https://auth.atlassian.com/authorize,        https://auth.atlassian.com/oauth/token"
    })
    void cloudEndpointsByDefault(String id, String authorize, String token) {
        OAuthProvider provider = OAuthProvider.byId(id).orElseThrow();

        assertThat(provider.authorizeUri(OAuthEndpoints.defaults())).isEqualTo(URI.create(authorize));
        assertThat(provider.tokenUri(OAuthEndpoints.defaults())).isEqualTo(URI.create(token));
    }

    @Test
    void identityAndRevocationEndpoints() {
        OAuthEndpoints cloud = OAuthEndpoints.defaults();

        assertThat(OAuthProvider.GITHUB.identityUri(cloud)).contains(URI.create("https://api.github.com/user"));
        assertThat(OAuthProvider.GITLAB.identityUri(cloud)).contains(URI.create("https://gitlab.com/api/v4/user"));
        assertThat(OAuthProvider.BITBUCKET.identityUri(cloud))
                .contains(URI.create("https://api.bitbucket.org/2.0/user"));
        assertThat(OAuthProvider.JIRA.identityUri(cloud)).contains(URI.create("https://api.atlassian.com/me"));
        assertThat(OAuthProvider.SLACK.identityUri(cloud)).isEmpty();
        assertThat(cloud.atlassianAccessibleResources())
                .isEqualTo(URI.create("https://api.atlassian.com/oauth/token/accessible-resources"));
        assertThat(OAuthProvider.GITLAB.revokeUri(cloud)).contains(URI.create("https://gitlab.com/oauth/revoke"));
        assertThat(OAuthProvider.SLACK.revokeUri(cloud)).contains(URI.create("https://slack.com/api/auth.revoke"));
        assertThat(OAuthProvider.BITBUCKET.revokeUri(cloud)).isEmpty();
    }

    @Test
    void configuredBaseUrlsReplaceTheCloudOnes() {
        assertThat(OAuthProvider.GITHUB.authorizeUri(STUBS))
                .isEqualTo(URI.create("http://stub:8089/github-web/login/oauth/authorize"));
        assertThat(OAuthProvider.GITHUB.identityUri(STUBS)).contains(URI.create("http://stub:8089/github-api/user"));
        assertThat(OAuthProvider.GITLAB.tokenUri(STUBS)).isEqualTo(URI.create("http://stub:8089/gitlab/oauth/token"));
        assertThat(OAuthProvider.BITBUCKET.identityUri(STUBS))
                .contains(URI.create("http://stub:8089/bitbucket-api/2.0/user"));
        assertThat(OAuthProvider.SLACK.authorizeUri(STUBS))
                .isEqualTo(URI.create("http://stub:8089/slack/oauth/v2/authorize"));
        assertThat(OAuthProvider.SLACK.tokenUri(STUBS))
                .isEqualTo(URI.create("http://stub:8089/slack/api/oauth.v2.access"));
        assertThat(OAuthProvider.JIRA.tokenUri(STUBS))
                .isEqualTo(URI.create("http://stub:8089/atlassian-auth/oauth/token"));
        assertThat(STUBS.atlassianAccessibleResources())
                .isEqualTo(URI.create("http://stub:8089/atlassian-api/oauth/token/accessible-resources"));
    }

    @Test
    void gitHubEnterpriseServerPathsAppendToTheConfiguredApiRoot() {
        OAuthEndpoints ghes = new OAuthEndpoints("https://ghe.example.com", "https://ghe.example.com/api/v3",
                OAuthEndpoints.DEFAULT_GITLAB_URL, OAuthEndpoints.DEFAULT_BITBUCKET_URL,
                OAuthEndpoints.DEFAULT_BITBUCKET_API_URL, OAuthEndpoints.DEFAULT_SLACK_URL,
                OAuthEndpoints.DEFAULT_SLACK_API_URL, OAuthEndpoints.DEFAULT_ATLASSIAN_AUTH_URL,
                OAuthEndpoints.DEFAULT_ATLASSIAN_API_URL);

        assertThat(OAuthProvider.GITHUB.identityUri(ghes)).contains(URI.create("https://ghe.example.com/api/v3/user"));
        assertThat(OAuthProvider.GITHUB.tokenUri(ghes))
                .isEqualTo(URI.create("https://ghe.example.com/login/oauth/access_token"));
    }

    @Test
    void aBaseUrlMustBeHttp() {
        assertThatThrownBy(() -> new OAuthEndpoints("ftp://github.example.com", "https://api.github.com",
                "https://gitlab.com", "https://bitbucket.org", "https://api.bitbucket.org", "https://slack.com",
                "https://slack.com/api", "https://auth.atlassian.com", "https://api.atlassian.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("githubWebUrl");
    }

    @Test
    void configNamesAreTheContractsInDottedForm() {
        assertThat(OAuthProvider.GITHUB.clientIdProperty()).isEqualTo("github.app.client.id");
        assertThat(OAuthProvider.GITHUB.clientSecretProperty()).isEqualTo("github.app.client.secret");
        assertThat(OAuthProvider.GITLAB.clientIdProperty()).isEqualTo("gitlab.app.client.id");
        assertThat(OAuthProvider.BITBUCKET.clientSecretProperty()).isEqualTo("bitbucket.app.client.secret");
        assertThat(OAuthProvider.SLACK.clientIdProperty()).isEqualTo("slack.client.id");
        assertThat(OAuthProvider.JIRA.clientSecretProperty()).isEqualTo("jira.client.secret");
    }

    @Test
    void pkceWhereTheProviderDocumentsIt() {
        assertThat(OAuthProvider.GITHUB.supportsPkce()).isTrue();
        assertThat(OAuthProvider.GITLAB.supportsPkce()).isTrue();
        assertThat(OAuthProvider.BITBUCKET.supportsPkce()).isFalse();
        assertThat(OAuthProvider.SLACK.supportsPkce()).isFalse();
        assertThat(OAuthProvider.JIRA.supportsPkce()).isFalse();
    }

    @Test
    void clientAuthenticationAtTheTokenEndpoint() {
        assertThat(OAuthProvider.BITBUCKET.clientAuthentication()).isEqualTo(ClientAuthentication.HTTP_BASIC);
        assertThat(OAuthProvider.SLACK.clientAuthentication()).isEqualTo(ClientAuthentication.HTTP_BASIC);
        assertThat(OAuthProvider.GITHUB.clientAuthentication()).isEqualTo(ClientAuthentication.FORM_BODY);
        assertThat(OAuthProvider.GITLAB.clientAuthentication()).isEqualTo(ClientAuthentication.FORM_BODY);
        assertThat(OAuthProvider.JIRA.clientAuthentication()).isEqualTo(ClientAuthentication.FORM_BODY);
    }

    @Test
    void idsAreTheContractsPathSegments() {
        assertThat(OAuthProvider.values()).extracting(OAuthProvider::id)
                .containsExactly("github", "gitlab", "bitbucket", "slack", "jira");
        assertThat(OAuthProvider.byId("atlassian")).isEqualTo(Optional.empty());
        assertThat(OAuthProvider.GITLAB.callbackUri("https://switchboard.example.com/"))
                .isEqualTo(URI.create("https://switchboard.example.com/api/oauth/gitlab/callback"));
    }
}
