package dev.switchboard.slack.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlackRepositoryInferenceTest {

    private static final List<String> MINE = List.of("acme/api", "acme/web", "Acme/Docs", "other/api",
            "group/sub/project", "acme/api-client");

    private static List<String> infer(String text) {
        return SlackRepositoryInference.infer(text, MINE);
    }

    @Test
    void ownerSlashRepoIsMatchedExactly() {
        assertThat(infer("<@U0BOT> fix the flaky test in acme/api please")).containsExactly("acme/api");
        assertThat(infer("<@U0BOT> look at acme/api-client")).containsExactly("acme/api-client");
    }

    @Test
    void caseDoesNotMatterAndTheAccessibleSpellingIsReturned() {
        assertThat(infer("update the README in acme/docs")).containsExactly("Acme/Docs");
        assertThat(infer("ACME/WEB is broken")).containsExactly("acme/web");
    }

    @Test
    void trailingPunctuationIsNotPartOfTheName() {
        assertThat(infer("Can you look at acme/web? Thanks.")).containsExactly("acme/web");
        assertThat(infer("It's in acme/web.")).containsExactly("acme/web");
        assertThat(infer("(see acme/web)")).containsExactly("acme/web");
        assertThat(infer("in `acme/web`, please")).containsExactly("acme/web");
    }

    @Test
    void gitHubUrlsAsSlackSendsThemNameTheirRepository() {
        assertThat(infer("<@U0BOT> see <https://github.com/acme/web/pull/12|github.com/acme/web/pull/12>"))
                .containsExactly("acme/web");
        assertThat(infer("https://github.com/acme/api.git")).containsExactly("acme/api");
        assertThat(infer("<https://www.github.com/acme/api>")).containsExactly("acme/api");
    }

    @Test
    void gitLabUrlsWithSubgroupsAndTheirDashPathsMatch() {
        assertThat(infer("<https://gitlab.com/group/sub/project/-/issues/3>")).containsExactly("group/sub/project");
        assertThat(infer("the one at group/sub/project")).containsExactly("group/sub/project");
    }

    @Test
    void aBareNameFollowedByRepoMatchesEveryRepositoryOfThatName() {
        assertThat(infer("fix the build in the web repo")).containsExactly("acme/web");
        assertThat(infer("the api repository is failing")).containsExactly("acme/api", "other/api");
        assertThat(infer("the Docs repo")).containsExactly("Acme/Docs");
    }

    @Test
    void severalNamedRepositoriesAreAllReturnedOnce() {
        assertThat(infer("port the fix from acme/web to acme/api and back to acme/web"))
                .containsExactly("acme/api", "acme/web");
    }

    @Test
    void wordsThatOnlyLookLikeNamesMatchNothing() {
        assertThat(infer("please fix the flaky test")).isEmpty();
        assertThat(infer("and/or something")).isEmpty();
        assertThat(infer("acme/apis is not mine")).isEmpty();
        assertThat(infer("the repo is broken")).isEmpty();
        assertThat(infer("see src/main/java/acme/api/App.java")).as("a path inside another name").isEmpty();
        assertThat(infer("mail me at dev@acme/api")).isEmpty();
    }

    @Test
    void mentionsAndChannelsAreNotRepositories() {
        assertThat(SlackRepositoryInference.infer("<@U0BOT> <#C123|api> hi", List.of("U0BOT/api"))).isEmpty();
    }

    @Test
    void nothingToMatchAgainstMatchesNothing() {
        assertThat(SlackRepositoryInference.infer("acme/api", List.of())).isEmpty();
        assertThat(SlackRepositoryInference.infer(null, MINE)).isEmpty();
        assertThat(SlackRepositoryInference.infer("  ", MINE)).isEmpty();
    }

    @Test
    void aUrlPathYieldsEveryPrefixAsACandidate() {
        assertThat(SlackRepositoryInference.prefixes("a/b/c.git")).containsExactly("a/b", "a/b/c");
    }
}
