package dev.switchboard.microagents.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A Markdown file's optional YAML front matter: a first line {@code ---}, the YAML, a closing {@code ---}, then the
 * body. Files are read as editors write them: a byte-order mark is dropped and CRLF/CR become LF before anything
 * else, so line numbers in errors are the ones the author sees. YAML is read with SnakeYAML's safe constructor
 * (plain maps, lists and scalars; no types instantiated) and duplicate keys refused.
 *
 * @param keyLines the 1-based file line of each top-level key, for errors that concern one key
 */
public record FrontMatter(Map<String, Object> metadata, Map<String, Integer> keyLines, String body) {

    private static final String FENCE = "---";

    /** Text as it should be read: no BOM, LF line ends only. */
    public static String normalized(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    public static FrontMatter read(String text) throws MicroagentFormatException {
        String t = normalized(text);
        List<String> lines = t.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            return new FrontMatter(Map.of(), Map.of(), t);
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new MicroagentFormatException(1, "the front matter opened by --- on line 1 is never closed by ---");
        }
        String yaml = String.join("\n", lines.subList(1, close));
        String body = String.join("\n", lines.subList(close + 1, lines.size()));
        if (yaml.isBlank()) {
            return new FrontMatter(Map.of(), Map.of(), body);
        }
        return parse(yaml, body);
    }

    private static FrontMatter parse(String yamlText, String body) throws MicroagentFormatException {
        // the YAML starts on the file's second line; SnakeYAML counts lines from 0
        int offset = 2;
        try {
            Node root = yaml().compose(new java.io.StringReader(yamlText));
            if (root == null) {
                return new FrontMatter(Map.of(), Map.of(), body);
            }
            if (!(root instanceof MappingNode)) {
                throw new MicroagentFormatException(offset + root.getStartMark().getLine(),
                        "the front matter must be a mapping of keys (name: …, triggers: …)");
            }
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            for (NodeTuple tuple : ((MappingNode) root).getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode) {
                    keyLines.put(((ScalarNode) tuple.getKeyNode()).getValue(),
                            offset + tuple.getKeyNode().getStartMark().getLine());
                }
            }
            Object loaded = yaml().load(yamlText);
            Map<String, Object> metadata = new LinkedHashMap<>();
            ((Map<?, ?>) loaded).forEach((key, value) -> metadata.put(String.valueOf(key), value));
            return new FrontMatter(metadata, keyLines, body);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine()
                    : e.getContextMark() != null ? e.getContextMark().getLine() : 0;
            throw new MicroagentFormatException(offset + line, "invalid YAML front matter: " + problem(e));
        } catch (YAMLException e) {
            throw new MicroagentFormatException(offset, "invalid YAML front matter: " + e.getMessage());
        }
    }

    /** SnakeYAML's problem and context without its multi-line excerpt of the input. */
    private static String problem(MarkedYAMLException e) {
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        return (context + (e.getProblem() == null ? "unreadable" : e.getProblem())).strip();
    }

    /** A new instance per use: SnakeYAML's {@code Yaml} is not thread-safe. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(256 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    public int lineOf(String key) {
        return keyLines.getOrDefault(key, 1);
    }
}
