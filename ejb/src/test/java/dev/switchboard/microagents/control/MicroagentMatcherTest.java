package dev.switchboard.microagents.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MicroagentMatcherTest {

    private static Microagent parse(String name, String text) throws MicroagentFormatException {
        return MicroagentParser.parse(MicroagentSource.REPOSITORY, name + ".md", name + ".md", text);
    }

    @Test
    void repoAgentsAlwaysKnowledgeOnATriggerEachOnce() throws Exception {
        Microagent repo = parse("repo", "Run mvn verify.");
        Microagent git = parse("git", "---\ntriggers: [git, commit]\n---\nSign commits.");
        Microagent docker = parse("docker", "---\ntriggers: [docker]\n---\nUse compose.");
        List<MicroagentMatch> matches = MicroagentMatcher.match(List.of(docker, git, repo),
                "@openhands fix the git commit hook in our digital shop", List.of());
        assertThat(matches).extracting(m -> m.agent().name()).containsExactly("git", "repo");
        assertThat(matches.get(0).trigger()).isEqualTo("git");
        assertThat(MicroagentMatcher.match(List.of(git), "digital", List.of())).isEmpty();
    }

    @Test
    void aTaskAsksForExactlyTheMissingVariablesByNameAndDescription() throws Exception {
        Microagent release = parse("release", "---\ninputs:\n  - name: VERSION\n    description: the version to release\n"
                + "  - name: BRANCH\n    description: where to release from\n---\n"
                + "Release ${VERSION} from ${BRANCH}; announce ${VERSION} in ${CHANNEL}. Costs $5.");
        List<MicroagentMatch> matches = MicroagentMatcher.match(List.of(release), "@openhands /release VERSION=3.2.0",
                List.of("BRANCH: main"));
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.trigger()).isEqualTo("/release");
            assertThat(m.values()).containsEntry("VERSION", "3.2.0").containsEntry("BRANCH", "main");
            assertThat(m.missing()).containsExactly("CHANNEL");
        });
        String text = InstructionsText.of(matches);
        assertThat(text).contains("Release 3.2.0 from main; announce 3.2.0 in ${CHANNEL}. Costs $5.")
                .contains("ask the user").contains("- CHANNEL").doesNotContain("- VERSION").doesNotContain("- BRANCH");
    }

    @Test
    void aTaskWithNothingGivenAsksForEveryInputWithItsDescription() throws Exception {
        Microagent release = parse("release", "---\ninputs:\n  - name: VERSION\n    description: the version to release\n---\n"
                + "Release ${VERSION}.");
        String text = InstructionsText.of(MicroagentMatcher.match(List.of(release), "/release please", null));
        assertThat(text).contains("- VERSION: the version to release");
        assertThat(MicroagentMatcher.match(List.of(release), "release it", List.of())).as("/name, not the bare word")
                .isEmpty();
    }

    @Test
    void aTaskWithAllValuesAsksNothing() throws Exception {
        Microagent task = parse("bump", "---\ntype: task\n---\nBump ${DEP} to ${DEP_VERSION}.");
        String text = InstructionsText.of(MicroagentMatcher.match(List.of(task), "/bump DEP=junit DEP_VERSION=5.11",
                List.of()));
        assertThat(text).contains("Bump junit to 5.11.").doesNotContain("ask the user");
    }

    @Test
    void instructionsPutRepoAgentsFirst() throws Exception {
        Microagent git = parse("git", "---\ntriggers: [git]\n---\nSign commits.");
        Microagent repo = parse("zz-repo", "Run mvn verify.");
        String text = InstructionsText.of(MicroagentMatcher.match(List.of(git, repo), "git", List.of()));
        assertThat(text.indexOf("Run mvn verify.")).isLessThan(text.indexOf("Sign commits."));
        assertThat(text).startsWith("## Repository instructions (zz-repo)").contains("## Knowledge: git");
        assertThat(InstructionsText.of(List.of())).isEmpty();
    }
}
