package dev.switchboard.microagents.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A microagent folder's files made into agents: every {@code *.md} below it except {@code README.md} (which
 * documents the folder), each parsed on its own so that a broken file is reported and the rest still load; a
 * second file claiming a name already taken in the same source is an error, the first one stays.
 */
public final class MicroagentFolder {

    private MicroagentFolder() {
    }

    /** Whether a path relative to a microagent folder is an agent file. */
    public static boolean isAgentFile(String relativePath) {
        String lower = relativePath.toLowerCase(Locale.ROOT);
        String fileName = lower.substring(lower.lastIndexOf('/') + 1);
        return lower.endsWith(".md") && !fileName.equals("readme.md");
    }

    /**
     * @param prefix       the folder's path as reported in errors (e.g. {@code .openhands/microagents/}), may be empty
     * @param files        relative path → text, in the order to load (ties on a name go to the first)
     * @param thirdParty   already-read third-party agents of the same source, overridden by the folder's agents
     */
    public static LoadedSource load(MicroagentSource source, String prefix, Map<String, String> files,
            List<Microagent> thirdParty) {
        List<Microagent> agents = new ArrayList<>(thirdParty);
        List<MicroagentLoadError> errors = new ArrayList<>();
        Map<String, String> claimedBy = new HashMap<>();
        files.entrySet().stream().filter(e -> isAgentFile(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    String file = prefix + e.getKey();
                    try {
                        Microagent agent = MicroagentParser.parse(source, file, e.getKey(), e.getValue());
                        String first = claimedBy.putIfAbsent(agent.name(), file);
                        if (first != null) {
                            int line = agent.metadata().containsKey("name") ? FrontMatter.read(e.getValue()).lineOf("name") : 0;
                            errors.add(new MicroagentLoadError(source, file, line,
                                    "duplicate name '" + agent.name() + "', already used by " + first));
                            return;
                        }
                        agents.removeIf(other -> other.name().equals(agent.name()));
                        agents.add(agent);
                    } catch (MicroagentFormatException ex) {
                        errors.add(new MicroagentLoadError(source, file, ex.line(), ex.getMessage()));
                    }
                });
        return new LoadedSource(source, agents, errors);
    }
}
