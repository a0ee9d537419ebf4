package dev.switchboard.clients.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientBaseUrlsTest {

    @Test
    void defaultsToThePublicServices() {
        ClientBaseUrls urls = ClientBaseUrls.from(Map.of());

        assertThat(urls.gitHub()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(urls.gitLab()).isEqualTo(URI.create("https://gitlab.com/api/v4"));
        assertThat(urls.slack()).isEqualTo(URI.create("https://slack.com/api"));
        assertThat(urls.stripe()).isEqualTo(URI.create("https://api.stripe.com"));
        assertThat(urls.jiraCloud("11223344-a1b2-3b33-c444-def123456789"))
                .isEqualTo(URI.create("https://api.atlassian.com/ex/jira/11223344-a1b2-3b33-c444-def123456789"));
    }

    @Test
    void readsTheContractsNames() {
        ClientBaseUrls urls = ClientBaseUrls.from(Map.of(
                "github.api.url", "https://ghe.acme.test/api/v3",
                "gitlab.url", "https://gitlab.acme.test",
                "slack.api.url", "http://127.0.0.1:8089/slack/api",
                "stripe.api.url", "http://127.0.0.1:12111",
                "jira.url", "http://127.0.0.1:8089/atlassian-api"));

        assertThat(urls.gitHub()).isEqualTo(URI.create("https://ghe.acme.test/api/v3"));
        assertThat(urls.gitLab()).isEqualTo(URI.create("https://gitlab.acme.test/api/v4"));
        assertThat(urls.slack()).isEqualTo(URI.create("http://127.0.0.1:8089/slack/api"));
        assertThat(urls.stripe()).isEqualTo(URI.create("http://127.0.0.1:12111"));
        assertThat(urls.jiraCloud("c0ffee")).isEqualTo(URI.create("http://127.0.0.1:8089/atlassian-api/ex/jira/c0ffee"));
    }

    @Test
    void dropsTrailingSlashesAndTreatsBlankAsUnset() {
        ClientBaseUrls urls = ClientBaseUrls.from(Map.of(
                "github.api.url", "  ",
                "gitlab.url", "https://gitlab.acme.test/ ",
                "slack.api.url", "https://slack.com/api//"));

        assertThat(urls.gitHub()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(urls.gitLab()).isEqualTo(URI.create("https://gitlab.acme.test/api/v4"));
        assertThat(urls.slack()).isEqualTo(URI.create("https://slack.com/api"));
    }

    @Test
    void gitHubGraphqlIsUnderTheRestBaseOnGithubComAndBesideItOnEnterpriseServer() {
        assertThat(ClientBaseUrls.from(Map.of()).gitHubGraphql()).hasToString("https://api.github.com");
        assertThat(ClientBaseUrls.from(Map.of("github.api.url", "https://ghe.example.com/api/v3/")).gitHubGraphql())
                .hasToString("https://ghe.example.com/api");
        assertThat(ClientBaseUrls.from(Map.of("github.api.url", "http://127.0.0.1:8089/github-api")).gitHubGraphql())
                .hasToString("http://127.0.0.1:8089/github-api");
    }

    @Test
    void aDataCenterSiteIsItsOwnBase() {
        assertThat(ClientBaseUrls.jiraDataCenter("https://jira.acme.test/jira/"))
                .isEqualTo(URI.create("https://jira.acme.test/jira"));
    }

    @Test
    void refusesWhatIsNotAnHttpUrlOrACloudId() {
        assertThatThrownBy(() -> ClientBaseUrls.from(Map.of("stripe.api.url", "api.stripe.com")).stripe())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientBaseUrls.from(Map.of()).jiraCloud("../admin"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientBaseUrls.jiraDataCenter("ftp://jira.acme.test"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeoutsDefaultPerPlatformAndAreOverridable() {
        Map<String, String> settings = Map.of("github.client.read.timeout.ms", "45000",
                "slack.client.connect.timeout.ms", " 1500 ");

        assertThat(ClientTimeouts.of(ClientPlatform.GITHUB, settings))
                .isEqualTo(new ClientTimeouts(Duration.ofMillis(5_000), Duration.ofMillis(45_000)));
        assertThat(ClientTimeouts.of(ClientPlatform.SLACK, settings))
                .isEqualTo(new ClientTimeouts(Duration.ofMillis(1_500), Duration.ofMillis(20_000)));
        assertThat(ClientTimeouts.of(ClientPlatform.JIRA, settings))
                .isEqualTo(new ClientTimeouts(Duration.ofMillis(5_000), Duration.ofMillis(20_000)));
    }

    @Test
    void refusesATimeoutThatIsNotAPositiveNumber() {
        assertThatThrownBy(() -> ClientTimeouts.of(ClientPlatform.GITLAB, Map.of("gitlab.client.read.timeout.ms", "20s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gitlab.client.read.timeout.ms");
        assertThatThrownBy(() -> ClientTimeouts.of(ClientPlatform.GITLAB, Map.of("gitlab.client.connect.timeout.ms", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
