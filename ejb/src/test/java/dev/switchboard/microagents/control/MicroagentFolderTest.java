package dev.switchboard.microagents.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MicroagentFolderTest {

    private static final String PREFIX = ".openhands/microagents/";

    @Test
    void oneBadFileNeverHidesTheOthers() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("good.md", "---\ntriggers: [docker]\n---\nUse compose.");
        files.put("broken.md", "---\ntriggers: [a\n---\n");
        files.put("weird.md", "---\ntype: wizard\n---\n");
        files.put("repo.md", "Always run tests.");
        LoadedSource loaded = MicroagentFolder.load(MicroagentSource.REPOSITORY, PREFIX, files, List.of());
        assertThat(loaded.agents()).extracting(Microagent::name).containsExactlyInAnyOrder("good", "repo");
        assertThat(loaded.errors()).extracting(MicroagentLoadError::file)
                .containsExactlyInAnyOrder(PREFIX + "broken.md", PREFIX + "weird.md");
        assertThat(loaded.errors()).allSatisfy(e -> assertThat(e.line()).isPositive());
        assertThat(loaded.errors().stream().filter(e -> e.file().endsWith("weird.md")).findFirst().orElseThrow().describe())
                .isEqualTo(PREFIX + "weird.md, line 2: unknown type 'wizard' (knowledge, repo or task)");
    }

    @Test
    void readmesAndOtherFilesAreNotAgents() {
        assertThat(MicroagentFolder.isAgentFile("README.md")).isFalse();
        assertThat(MicroagentFolder.isAgentFile("sub/readme.md")).isFalse();
        assertThat(MicroagentFolder.isAgentFile("notes.txt")).isFalse();
        assertThat(MicroagentFolder.isAgentFile("sub/deploy.md")).isTrue();
    }

    @Test
    void aDuplicateNameIsAnErrorOnTheSecondFileAndTheFirstStays() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("b.md", "---\n# comment\nname: shared\n---\nsecond");
        files.put("a.md", "---\nname: shared\n---\nfirst");
        LoadedSource loaded = MicroagentFolder.load(MicroagentSource.REPOSITORY, PREFIX, files, List.of());
        assertThat(loaded.agents()).singleElement().extracting(Microagent::content).isEqualTo("first");
        assertThat(loaded.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(PREFIX + "b.md");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("duplicate name 'shared'").contains(PREFIX + "a.md");
        });
    }

    @Test
    void theFolderOverridesAThirdPartyFileOfTheSameName() {
        Microagent cursor = MicroagentParser.thirdParty(MicroagentSource.REPOSITORY, ".cursorrules", "cursorrules", "old");
        Microagent agentsMd = MicroagentParser.thirdParty(MicroagentSource.REPOSITORY, "AGENTS.md", "agents", "agents");
        LoadedSource loaded = MicroagentFolder.load(MicroagentSource.REPOSITORY, PREFIX,
                Map.of("cursorrules.md", "new"), List.of(cursor, agentsMd));
        assertThat(loaded.agents()).extracting(Microagent::name, Microagent::content)
                .containsExactlyInAnyOrder(tuple("agents", "agents"),
                        tuple("cursorrules", "new"));
        assertThat(loaded.errors()).isEmpty();
    }

    @Test
    void thirdPartyCandidatesTakeTheFirstAgentsSpelling() {
        assertThat(ThirdPartyFiles.among(Set.of("agents.md", "AGENT.md", ".cursorrules", ".openhands_instructions", "README.md")))
                .containsExactly(new ThirdPartyFiles.Candidate(".openhands_instructions", "repo_legacy"),
                        new ThirdPartyFiles.Candidate(".cursorrules", "cursorrules"),
                        new ThirdPartyFiles.Candidate("agents.md", "agents"));
        assertThat(ThirdPartyFiles.among(Set.of("AGENTS.md", "agents.md")))
                .containsExactly(new ThirdPartyFiles.Candidate("AGENTS.md", "agents"));
        assertThat(ThirdPartyFiles.among(Set.of("README.md", "pom.xml"))).isEmpty();
    }
}
