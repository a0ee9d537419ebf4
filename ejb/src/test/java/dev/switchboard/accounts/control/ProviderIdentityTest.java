package dev.switchboard.accounts.control;

import static dev.switchboard.accounts.control.OAuthFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderIdentityTest {

    @Test
    void gitHubUser() throws Exception {
        ProviderIdentity identity = ProviderIdentity.parse(OAuthProvider.GITHUB, fixture("github/user.json"));

        assertThat(identity).isEqualTo(new ProviderIdentity(OAuthProvider.GITHUB, "583231", "octocat",
                "The Octocat", "octocat@github.com"));
    }

    @Test
    void gitHubUserWithoutPublicNameOrEmail() throws Exception {
        ProviderIdentity identity = ProviderIdentity.github(
                "{\"login\":\"hubot\",\"id\":9919,\"name\":null,\"email\":null,\"type\":\"User\"}");

        assertThat(identity).isEqualTo(new ProviderIdentity(OAuthProvider.GITHUB, "9919", "hubot", null, null));
    }

    @Test
    void gitLabUser() throws Exception {
        ProviderIdentity identity = ProviderIdentity.parse(OAuthProvider.GITLAB, fixture("gitlab/user.json"));

        assertThat(identity).isEqualTo(new ProviderIdentity(OAuthProvider.GITLAB, "1", "john_smith", "John Smith",
                "john@example.com"));
    }

    @Test
    void bitbucketUserKeepsTheBracesOfItsUuid() throws Exception {
        ProviderIdentity identity = ProviderIdentity.parse(OAuthProvider.BITBUCKET, fixture("bitbucket/user.json"));

        assertThat(identity).isEqualTo(new ProviderIdentity(OAuthProvider.BITBUCKET,
                "{d301aafa-d676-4ee0-88be-962be7417567}", "emmathompson", "Emma Thompson", null));
    }

    @Test
    void bitbucketUserWithoutUsernameFallsBackToNickname() throws Exception {
        ProviderIdentity identity = ProviderIdentity.bitbucket(
                "{\"uuid\":\"{0c9e4c3a-1b2d-4e5f-8a7b-6c5d4e3f2a1b}\",\"nickname\":\"emma\",\"display_name\":\"Emma\"}");

        assertThat(identity.login()).isEqualTo("emma");
        assertThat(identity.userId()).isEqualTo("{0c9e4c3a-1b2d-4e5f-8a7b-6c5d4e3f2a1b}");
    }

    @Test
    void atlassianMe() throws Exception {
        ProviderIdentity identity = ProviderIdentity.parse(OAuthProvider.JIRA, fixture("jira/me.json"));

        assertThat(identity).isEqualTo(new ProviderIdentity(OAuthProvider.JIRA, "5b10ac8d82e05b22cc7d4ef5", "mia",
                "Mia Krystof", "mia@example.com"));
    }

    @Test
    void slackIdentityIsTeamAndUserFromTheTokenResponse() throws Exception {
        TokenResponse token = TokenResponse.parse(OAuthProvider.SLACK, 200, "application/json",
                fixture("slack/oauth_v2_access.json"));

        assertThat(ProviderIdentity.slack(token))
                .isEqualTo(new ProviderIdentity(OAuthProvider.SLACK, "T9TK3CUKW:U1234", null, null, null));
    }

    @Test
    void aSlackRefreshAnswerCannotNameTheUser() throws Exception {
        TokenResponse refresh = TokenResponse.parse(OAuthProvider.SLACK, 200, "application/json",
                "{\"ok\":true,\"access_token\":\"xoxe.xoxb-1-abc\",\"token_type\":\"bot\",\"expires_in\":43200,"
                        + "\"refresh_token\":\"xoxe-1-def\",\"team\":{\"id\":\"T9TK3CUKW\"}}");

        OAuthProviderException error = catchThrowableOfType(() -> ProviderIdentity.slack(refresh),
                OAuthProviderException.class);

        assertThat(error.error()).isEqualTo(OAuthProviderException.MALFORMED_RESPONSE);
    }

    @Test
    void anIdentityWithoutItsIdIsMalformed() {
        OAuthProviderException error = catchThrowableOfType(
                () -> ProviderIdentity.gitlab("{\"username\":\"john_smith\",\"name\":\"John Smith\"}"),
                OAuthProviderException.class);

        assertThat(error.provider()).isEqualTo(OAuthProvider.GITLAB);
        assertThat(error.getMessage()).isEqualTo("gitlab: malformed_response (HTTP 200): the response has no id");
    }

    @Test
    void aNonJsonIdentityIsMalformed() {
        OAuthProviderException error = catchThrowableOfType(
                () -> ProviderIdentity.github("<html>Sign in</html>"), OAuthProviderException.class);

        assertThat(error.getMessage()).endsWith("the response is not valid JSON");
    }

    @Test
    void atlassianAccessibleResources() throws Exception {
        List<AtlassianSite> sites = AtlassianSite.parseAccessibleResources(fixture("jira/accessible_resources.json"));

        assertThat(sites).containsExactly(
                new AtlassianSite("1324a887-45db-1bf4-1e99-ef0ff456d421", "https://your-domain.atlassian.net",
                        "your-domain", List.of("read:jira-work", "write:jira-work", "read:jira-user")),
                new AtlassianSite("6f0b2a31-7c4e-4d1a-9b57-2e3c8d9f0a12", "https://acme-support.atlassian.net",
                        "acme-support", List.of("read:jira-work")));
    }

    @Test
    void noAccessibleResourcesIsAnEmptyList() throws Exception {
        assertThat(AtlassianSite.parseAccessibleResources("[]")).isEmpty();
    }

    @Test
    void accessibleResourcesMustBeAnArrayOfSites() {
        OAuthProviderException notAnArray = catchThrowableOfType(
                () -> AtlassianSite.parseAccessibleResources("{\"id\":\"1324a887\"}"), OAuthProviderException.class);
        OAuthProviderException noId = catchThrowableOfType(
                () -> AtlassianSite.parseAccessibleResources("[{\"url\":\"https://x.atlassian.net\",\"scopes\":[]}]"),
                OAuthProviderException.class);

        assertThat(notAnArray.getMessage()).endsWith("the response is not a JSON array");
        assertThat(noId.getMessage()).endsWith("the response has no id");
    }
}
