package dev.switchboard.microagents.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicroagentCatalogTest {

    private static Microagent agent(MicroagentSource source, String name, String content) {
        return new Microagent(name, MicroagentType.REPO, source, name + ".md", content, List.of(), List.of(), null, null,
                Map.of());
    }

    @Test
    void repositoryOverridesOrganizationOverridesShippedWhateverTheOrderGiven() {
        LoadedSource repo = new LoadedSource(MicroagentSource.REPOSITORY,
                List.of(agent(MicroagentSource.REPOSITORY, "style", "repo style")), List.of());
        LoadedSource org = new LoadedSource(MicroagentSource.ORGANIZATION,
                List.of(agent(MicroagentSource.ORGANIZATION, "style", "org style"),
                        agent(MicroagentSource.ORGANIZATION, "security", "org security")),
                List.of(new MicroagentLoadError(MicroagentSource.ORGANIZATION, "microagents/x.md", 2, "bad")));
        LoadedSource shipped = new LoadedSource(MicroagentSource.SHIPPED,
                List.of(agent(MicroagentSource.SHIPPED, "security", "shipped security"),
                        agent(MicroagentSource.SHIPPED, "git", "shipped git")), List.of());
        MicroagentCatalog catalog = MicroagentCatalog.merge(List.of(repo, shipped, org));
        assertThat(catalog.agents()).extracting(Microagent::name, Microagent::content).containsExactly(
                tuple("git", "shipped git"),
                tuple("security", "org security"),
                tuple("style", "repo style"));
        assertThat(catalog.errors()).extracting(MicroagentLoadError::file).containsExactly("microagents/x.md");
    }
}
