package dev.switchboard.microagents.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Instruction files other tools established, read as repo agents when they sit at the repository's root:
 * {@code .openhands_instructions} (OpenHands' legacy file), {@code .cursorrules}, and the first of
 * {@code AGENTS.md}, {@code agents.md}, {@code AGENT.md} (one file in any of its spellings, not three copies).
 */
public final class ThirdPartyFiles {

    /** A root file to read and the agent name it gets. */
    public record Candidate(String path, String name) {
    }

    private static final List<String> AGENTS_SPELLINGS = List.of("AGENTS.md", "agents.md", "AGENT.md");

    private ThirdPartyFiles() {
    }

    /** The files among the repository's root entries to read, in the order they are merged (later wins). */
    public static List<Candidate> among(Set<String> rootFiles) {
        List<Candidate> found = new ArrayList<>();
        if (rootFiles.contains(".openhands_instructions")) {
            found.add(new Candidate(".openhands_instructions", "repo_legacy"));
        }
        if (rootFiles.contains(".cursorrules")) {
            found.add(new Candidate(".cursorrules", "cursorrules"));
        }
        AGENTS_SPELLINGS.stream().filter(rootFiles::contains).findFirst()
                .ifPresent(path -> found.add(new Candidate(path, "agents")));
        return found;
    }
}
