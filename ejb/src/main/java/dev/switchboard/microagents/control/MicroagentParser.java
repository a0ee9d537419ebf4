package dev.switchboard.microagents.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one microagent file: front matter ({@link FrontMatter}) plus the Markdown body. The type, when not
 * written, is inferred as the seed does: inputs make a task, triggers a knowledge agent, neither a repo agent. The
 * name, when not written, is the file's path relative to its microagent folder without {@code .md}.
 */
public final class MicroagentParser {

    private MicroagentParser() {
    }

    /**
     * @param file         where the file was read, as reported (e.g. {@code .openhands/microagents/git.md})
     * @param relativePath the path relative to the microagent folder (e.g. {@code git.md}), for the default name
     */
    public static Microagent parse(MicroagentSource source, String file, String relativePath, String text)
            throws MicroagentFormatException {
        FrontMatter front = FrontMatter.read(text);
        Map<String, Object> meta = front.metadata();
        String name = optionalText(front, "name").orElseGet(() -> defaultName(relativePath));
        List<String> triggers = triggers(front);
        List<MicroagentInput> inputs = inputs(front);
        MicroagentType type = type(front, triggers, inputs);
        if (type == MicroagentType.KNOWLEDGE && triggers.isEmpty()) {
            throw new MicroagentFormatException(front.lineOf("type"), "a knowledge agent needs at least one trigger");
        }
        if (type == MicroagentType.TASK && !triggers.contains("/" + name)) {
            triggers.add("/" + name);
        }
        return new Microagent(name, type, source, file, front.body().strip(), triggers, inputs,
                optionalText(front, "version").orElse(null), optionalText(front, "agent").orElse(null), meta);
    }

    /** A third-party instructions file (.cursorrules, AGENTS.md, .openhands_instructions): a repo agent, as is. */
    public static Microagent thirdParty(MicroagentSource source, String file, String name, String text) {
        return new Microagent(name, MicroagentType.REPO, source, file, FrontMatter.normalized(text).strip(), List.of(),
                List.of(), null, null, Map.of());
    }

    /** {@code frontend/react.md} → {@code frontend/react}. */
    public static String defaultName(String relativePath) {
        String path = relativePath.replace('\\', '/');
        return path.endsWith(".md") ? path.substring(0, path.length() - 3) : path;
    }

    private static MicroagentType type(FrontMatter front, List<String> triggers, List<MicroagentInput> inputs)
            throws MicroagentFormatException {
        Optional<String> written = optionalText(front, "type");
        if (written.isPresent()) {
            return MicroagentType.of(written.get()).orElseThrow(() -> new MicroagentFormatException(
                    front.lineOf("type"), "unknown type '" + written.get() + "' (knowledge, repo or task)"));
        }
        if (!inputs.isEmpty()) {
            return MicroagentType.TASK;
        }
        return triggers.isEmpty() ? MicroagentType.REPO : MicroagentType.KNOWLEDGE;
    }

    private static List<String> triggers(FrontMatter front) throws MicroagentFormatException {
        List<String> triggers = new ArrayList<>();
        for (Object item : list(front, "triggers")) {
            if (item instanceof Collection || item instanceof Map) {
                throw new MicroagentFormatException(front.lineOf("triggers"), "each trigger must be a word or phrase");
            }
            String trigger = String.valueOf(item).strip();
            if (!trigger.isEmpty() && !triggers.contains(trigger)) {
                triggers.add(trigger);
            }
        }
        return triggers;
    }

    private static List<MicroagentInput> inputs(FrontMatter front) throws MicroagentFormatException {
        List<MicroagentInput> inputs = new ArrayList<>();
        for (Object item : list(front, "inputs")) {
            String name;
            String description = null;
            if (item instanceof Map) {
                Map<?, ?> input = (Map<?, ?>) item;
                name = input.get("name") == null ? null : String.valueOf(input.get("name")).strip();
                description = input.get("description") == null ? null : String.valueOf(input.get("description")).strip();
            } else if (item instanceof Collection || item == null) {
                name = null;
            } else {
                name = String.valueOf(item).strip();
            }
            if (name == null || !TaskVariables.isName(name)) {
                throw new MicroagentFormatException(front.lineOf("inputs"),
                        "each input needs a name made of letters, digits and _ (found " + item + ")");
            }
            inputs.add(new MicroagentInput(name, description));
        }
        return inputs;
    }

    /** A list-valued key; a single value counts as a list of one. */
    private static List<?> list(FrontMatter front, String key) throws MicroagentFormatException {
        Object value = front.metadata().get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List) {
            return (List<?>) value;
        }
        if (value instanceof Map) {
            throw new MicroagentFormatException(front.lineOf(key), "'" + key + "' must be a list");
        }
        return List.of(value);
    }

    private static Optional<String> optionalText(FrontMatter front, String key) throws MicroagentFormatException {
        Object value = front.metadata().get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Collection || value instanceof Map) {
            throw new MicroagentFormatException(front.lineOf(key), "'" + key + "' must be a single value");
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
