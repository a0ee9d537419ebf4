package dev.switchboard.jira.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.jira.control.JiraRepositoryInference.Inference;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JiraRepositoryInferenceTest {

    private static final JiraRepository API = new JiraRepository("github", "acme/api");
    private static final JiraRepository WEB = new JiraRepository("github", "acme/web");
    private static final JiraRepository INFRA = new JiraRepository("gitlab", "acme/platform/infra");
    private static final JiraRepository BILLING = new JiraRepository("bitbucket", "acme-team/billing");
    private static final List<JiraRepository> ACCESSIBLE = List.of(API, WEB, INFRA, BILLING);

    private static List<JiraRepository> named(String text) {
        return JiraRepositoryInference.named(text, ACCESSIBLE);
    }

    private static Inference infer(String... texts) {
        return JiraRepositoryInference.infer(Arrays.asList(texts), ACCESSIBLE, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "@openhands please fix this in acme/api",
            "@openhands fix the NPE, repo: acme/api.",
            "[~accountid:5b10ac8d82e05b22cc7d4ef5] can you look at this? It's in {{acme/api}}",
            "@openhands see https://github.com/acme/api/blob/main/src/Order.java#L42",
            "@openhands see [the PR|https://github.com/acme/api/pull/381]",
            "@openhands clone git@github.com:acme/api.git and fix it",
            "@openhands https://github.com/acme/api.git",
            "@openhands (acme/api)",
            "@openhands ACME/API please",
            "@openhands the api repo has the bug",
            "@openhands it's in the API repository",
    })
    void namesTheRepositoryInTheUsualWays(String text) {
        assertThat(named(text)).containsExactly(API);
    }

    @Test
    void gitLabUrlsWithNestedGroupsAndProjectPages() {
        assertThat(named("Pipeline fails: https://gitlab.com/acme/platform/infra/-/jobs/912345")).containsExactly(INFRA);
        assertThat(named("MR https://gitlab.com/acme/platform/infra/-/merge_requests/17 broke it")).containsExactly(INFRA);
        assertThat(named("in acme/platform/infra")).containsExactly(INFRA);
    }

    @Test
    void selfHostedUrlsAreTriedByEveryPathPrefix() {
        assertThat(named("https://git.acme.internal/acme/platform/infra/-/issues/3")).containsExactly(INFRA);
    }

    @Test
    void bitbucketUrls() {
        assertThat(named("see https://bitbucket.org/acme-team/billing/src/master/README.md")).containsExactly(BILLING);
    }

    @Test
    void aUrlOfOneProviderDoesNotNameTheSameNameElsewhere() {
        JiraRepository gitlabApi = new JiraRepository("gitlab", "acme/api");
        assertThat(JiraRepositoryInference.named("https://gitlab.com/acme/api/-/issues/1", List.of(API, gitlabApi)))
                .containsExactly(gitlabApi);
        assertThat(JiraRepositoryInference.named("acme/api", List.of(API, gitlabApi))).containsExactly(API, gitlabApi);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "@openhands fix the test in src/main/java/Order.java and/or the fixture",
            "@openhands the acme/api-gateway service",
            "@openhands https://github.com/acme/apis",
            "@openhands mail mia@acme/api.com",
            "@openhands our api is down",
            "@openhands path /srv/acme/api/config",
            "@openhands see https://acme.atlassian.net/browse/API-7",
            "",
    })
    void nothingThatIsNotExactlyAnAccessibleRepository(String text) {
        assertThat(named(text)).isEmpty();
    }

    @Test
    void aRepositoryTheUserCannotAccessIsNotNamed() {
        assertThat(named("@openhands fix it in other-org/api")).isEmpty();
    }

    @Test
    void twoRepositoriesAreNamedInOrderAndDecideNothing() {
        Inference inference = infer("@openhands port acme/web's change to https://github.com/acme/api");
        assertThat(inference.matches()).containsExactly(WEB, API);
        assertThat(inference.decided()).isFalse();
        assertThatThrownBy(inference::repository).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFullNameWinsOverANameInPassing() {
        assertThat(named("the web repo is fine, the bug is in acme/api")).containsExactly(API);
    }

    @Test
    void theTextThatAskedComesFirstTheIssueOnlyWhenItNamesNone() {
        String description = """
                h3. Steps
                # Open the checkout in acme/web
                # Pay with a saved card

                The stack trace points to the payments client.""";
        assertThat(infer("@openhands fix this in acme/api", "Checkout fails", description).repository()).isEqualTo(API);
        assertThat(infer("@openhands please take this", "Checkout fails", description).repository()).isEqualTo(WEB);
        assertThat(infer("@openhands please take this", "Checkout fails", null).matches()).isEmpty();
    }

    @Test
    void aSingleDefaultRepositoryIsTheOneWhenNoTextNamesAny() {
        Inference single = JiraRepositoryInference.infer(List.of("@openhands go"), List.of(API), List.of(API));
        assertThat(single.repository()).isEqualTo(API);
        Inference two = JiraRepositoryInference.infer(List.of("@openhands go"), List.of(API, WEB), List.of(API, WEB));
        assertThat(two.matches()).isEmpty();
        Inference named = JiraRepositoryInference.infer(List.of("@openhands go to acme/web"), List.of(API, WEB),
                List.of(API));
        assertThat(named.repository()).isEqualTo(WEB);
    }

    @Test
    void defaultRepositoriesAreReadFromConfiguration() {
        assertThat(JiraRepository.parse(" acme/api ")).isEqualTo(API);
        assertThat(JiraRepository.parse("gitlab:acme/platform/infra")).isEqualTo(INFRA);
        assertThat(API.name()).isEqualTo("api");
        assertThatThrownBy(() -> JiraRepository.parse("api")).isInstanceOf(IllegalArgumentException.class);
    }
}
