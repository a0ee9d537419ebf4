package dev.switchboard.microagents.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepositorySourceReaderTest {

    /** A repository as a map of path → text at one commit, counting reads. */
    static final class FakeRepository implements RepositoryFiles {
        final Map<String, String> files;
        final List<String> reads = new ArrayList<>();

        FakeRepository(Map<String, String> files) {
            this.files = files;
        }

        @Override
        public Optional<String> commitOf(String ref) {
            return Optional.of("abc123");
        }

        @Override
        public List<String> rootFiles(String commit) {
            return files.keySet().stream().filter(p -> !p.contains("/")).toList();
        }

        @Override
        public List<String> filesUnder(String commit, String folder) {
            return files.keySet().stream().filter(p -> p.startsWith(folder + "/"))
                    .map(p -> p.substring(folder.length() + 1)).toList();
        }

        @Override
        public Optional<String> read(String commit, String path) {
            reads.add(path);
            return Optional.ofNullable(files.get(path));
        }
    }

    @Test
    void theRepositorySourceIsItsFolderAndItsThirdPartyFiles() {
        FakeRepository repo = new FakeRepository(Map.of(
                ".openhands/microagents/testing.md", "---\ntriggers: [test]\n---\nRun mvn verify.",
                ".openhands/microagents/README.md", "about this folder",
                ".openhands/microagents/ops/deploy.md", "---\ninputs: [ENV]\n---\nDeploy to ${ENV}.",
                ".openhands/microagents/bad.md", "---\ntriggers: [\n---\n",
                ".cursorrules", "Prefer records.",
                "AGENTS.md", "Build with Maven.",
                "README.md", "the project",
                "src/Main.java", "class Main {}"));
        LoadedSource loaded = RepositorySourceReader.repository(repo, "abc123");
        assertThat(loaded.agents()).extracting(Microagent::name)
                .containsExactlyInAnyOrder("cursorrules", "agents", "testing", "ops/deploy");
        assertThat(loaded.errors()).singleElement().extracting(MicroagentLoadError::file)
                .isEqualTo(".openhands/microagents/bad.md");
        assertThat(repo.reads).doesNotContain("README.md", ".openhands/microagents/README.md", "src/Main.java");
    }

    @Test
    void theOrganizationSourceIsItsMicroagentsFolder() {
        FakeRepository org = new FakeRepository(Map.of("microagents/security.md", "Never log tokens.",
                "AGENTS.md", "not read for an organization"));
        LoadedSource loaded = RepositorySourceReader.organization(org, "abc123");
        assertThat(loaded.agents()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("security");
            assertThat(a.source()).isEqualTo(MicroagentSource.ORGANIZATION);
            assertThat(a.file()).isEqualTo("microagents/security.md");
        });
    }

    @Test
    void aRepositoryWithoutMicroagentsYieldsNothing() {
        LoadedSource loaded = RepositorySourceReader.repository(new FakeRepository(Map.of("pom.xml", "<project/>")), "c");
        assertThat(loaded.agents()).isEmpty();
        assertThat(loaded.errors()).isEmpty();
    }
}
