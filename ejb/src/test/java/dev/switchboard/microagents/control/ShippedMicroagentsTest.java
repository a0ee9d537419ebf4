package dev.switchboard.microagents.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedMicroagentsTest {

    @Test
    void theShippedDefaultsAllLoad() {
        LoadedSource shipped = ShippedMicroagents.fromResources();
        assertThat(shipped.errors()).isEmpty();
        assertThat(shipped.agents()).extracting(Microagent::name)
                .contains("git", "github", "gitlab", "update_dependency", "fix_failing_test");
        assertThat(shipped.agents()).allSatisfy(a -> assertThat(a.source()).isEqualTo(MicroagentSource.SHIPPED));
        assertThat(shipped.agents().stream().filter(a -> a.name().equals("update_dependency")).findFirst().orElseThrow()
                .type()).isEqualTo(MicroagentType.TASK);
    }

    @Test
    void aConfiguredFolderIsReadRecursivelyWithoutItsReadme(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("team"));
        Files.writeString(dir.resolve("team/style.md"), "Use four spaces.");
        Files.writeString(dir.resolve("README.md"), "What this folder is.");
        Files.writeString(dir.resolve("broken.md"), "---\ntype: nope\n---\n");
        LoadedSource shipped = ShippedMicroagents.fromFolder(dir);
        assertThat(shipped.agents()).extracting(Microagent::name).containsExactly("team/style");
        assertThat(shipped.errors()).extracting(MicroagentLoadError::file).containsExactly("broken.md");
    }

    @Test
    void aMissingFolderIsAnErrorNotAnException(@TempDir Path dir) {
        LoadedSource shipped = ShippedMicroagents.fromFolder(dir.resolve("nowhere"));
        assertThat(shipped.agents()).isEmpty();
        assertThat(shipped.errors()).singleElement().extracting(MicroagentLoadError::message).asString()
                .contains("MICROAGENTS_DIR");
    }
}
