package dev.switchboard.jira.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * The agent writes Markdown; Jira's comment endpoints take wiki markup (REST API v2) or Atlassian Document
 * Format (v3). CommonMark parses the Markdown, and the tree is written out in either form.
 * <p>
 * A soft line break becomes a line break, not a space: the agent's summaries are written for GitHub and
 * GitLab comments, which show their line breaks, and Jira's wiki renderer shows a newline as one anyway.
 * ADF allows no other mark beside {@code code} but {@code link}, so bold or italic code keeps only its code
 * mark. Raw HTML is shown as text: neither format would render it.
 * <p>
 * Not to be confused with {@link JiraMarkup}, which reads Jira's markup to find quoted mentions.
 */
public final class JiraMarkdown {

    /** CommonMark parsers are immutable and thread-safe. */
    private static final Parser PARSER = Parser.builder().build();

    /** Characters that start or end wiki effects in running text; a backslash makes them literal. */
    private static final String WIKI_SPECIAL = "*_{}[]|!^~+";

    private JiraMarkdown() {
    }

    /** Jira wiki markup for REST API v2 bodies. */
    public static String toWiki(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        return String.join("\n\n", wikiBlocks(document, ""));
    }

    /** An Atlassian Document Format document for REST API v3 bodies. */
    public static JsonObject toAdf(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        return Jsons.createObjectBuilder()
                .add("version", 1)
                .add("type", "doc")
                .add("content", adfBlocks(document))
                .build();
    }

    // ---- wiki markup

    private static List<String> wikiBlocks(Node parent, String listPrefix) {
        List<String> blocks = new ArrayList<>();
        for (Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
            String text = wikiBlock(block, listPrefix);
            if (!text.isEmpty()) {
                blocks.add(text);
            }
        }
        return blocks;
    }

    private static String wikiBlock(Node block, String listPrefix) {
        if (block instanceof Paragraph) {
            return wikiInlines(block);
        } else if (block instanceof Heading heading) {
            return "h" + heading.getLevel() + ". " + wikiInlines(heading);
        } else if (block instanceof FencedCodeBlock code) {
            String language = language(code.getInfo());
            return "{code" + (language.isEmpty() ? "" : ":" + language) + "}\n" + withoutFinalNewline(code.getLiteral())
                    + "\n{code}";
        } else if (block instanceof IndentedCodeBlock code) {
            return "{code}\n" + withoutFinalNewline(code.getLiteral()) + "\n{code}";
        } else if (block instanceof BlockQuote) {
            return "{quote}\n" + String.join("\n\n", wikiBlocks(block, "")) + "\n{quote}";
        } else if (block instanceof ListBlock list) {
            return wikiList(list, listPrefix);
        } else if (block instanceof ThematicBreak) {
            return "----";
        } else if (block instanceof HtmlBlock html) {
            return escapeWiki(withoutFinalNewline(html.getLiteral()));
        }
        return wikiInlines(block);
    }

    /** Items one per line, prefixed {@code *} or {@code #} once per level ({@code #*} for a bullet in a numbered list). */
    private static String wikiList(ListBlock list, String outerPrefix) {
        String prefix = outerPrefix + (list instanceof OrderedList ? "#" : "*");
        List<String> lines = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            StringBuilder line = new StringBuilder(prefix).append(' ');
            boolean first = true;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListBlock nested) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    lines.add(wikiList(nested, prefix));
                    first = true;
                    continue;
                }
                String text = wikiBlock(child, prefix);
                if (line.length() == 0) {
                    // a paragraph after a nested list continues the item, which a wiki list cannot do
                    line.append(text);
                } else if (first && child instanceof Paragraph) {
                    line.append(text);
                } else if (child instanceof Paragraph) {
                    line.append(" \\\\ ").append(text); // a forced line break keeps a loose item's paragraphs in one item
                } else {
                    line.append('\n').append(text);
                }
                first = false;
            }
            if (line.length() > 0 && !line.toString().equals(prefix + " ")) {
                lines.add(line.toString());
            }
        }
        return String.join("\n", lines);
    }

    private static String wikiInlines(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            wikiInline(node, out);
        }
        return out.toString();
    }

    private static void wikiInline(Node node, StringBuilder out) {
        if (node instanceof Text text) {
            out.append(escapeWiki(text.getLiteral()));
        } else if (node instanceof StrongEmphasis) {
            out.append('*').append(wikiInlines(node)).append('*');
        } else if (node instanceof Emphasis) {
            out.append('_').append(wikiInlines(node)).append('_');
        } else if (node instanceof Code code) {
            out.append("{{").append(code.getLiteral()).append("}}");
        } else if (node instanceof Link link) {
            String label = wikiInlines(link);
            String url = wikiUrl(link.getDestination());
            out.append('[').append(label.isEmpty() || label.equals(escapeWiki(link.getDestination())) ? "" : label + "|")
                    .append(url).append(']');
        } else if (node instanceof Image image) {
            out.append('!').append(wikiUrl(image.getDestination())).append('!');
        } else if (node instanceof SoftLineBreak) {
            out.append('\n');
        } else if (node instanceof HardLineBreak) {
            out.append("\\\\\n");
        } else if (node instanceof HtmlInline html) {
            out.append(escapeWiki(html.getLiteral()));
        } else {
            out.append(wikiInlines(node));
        }
    }

    private static String escapeWiki(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (WIKI_SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A link target may not carry the characters that delimit a wiki link. */
    private static String wikiUrl(String url) {
        return url.replace("|", "%7C").replace("]", "%5D").replace("[", "%5B").replace(" ", "%20");
    }

    // ---- Atlassian Document Format

    private static JsonArray adfBlocks(Node parent) {
        JsonArrayBuilder content = Jsons.createArrayBuilder();
        for (Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
            JsonObject node = adfBlock(block);
            if (node != null) {
                content.add(node);
            }
        }
        return content.build();
    }

    private static JsonObject adfBlock(Node block) {
        if (block instanceof Paragraph) {
            return withContent(node("paragraph"), adfInlines(block)).build();
        } else if (block instanceof Heading heading) {
            return withContent(node("heading").add("attrs", Jsons.createObjectBuilder().add("level", heading.getLevel())),
                    adfInlines(heading)).build();
        } else if (block instanceof FencedCodeBlock code) {
            return codeBlock(language(code.getInfo()), code.getLiteral());
        } else if (block instanceof IndentedCodeBlock code) {
            return codeBlock("", code.getLiteral());
        } else if (block instanceof BlockQuote) {
            return node("blockquote").add("content", adfBlocks(block)).build();
        } else if (block instanceof BulletList) {
            return node("bulletList").add("content", adfItems(block)).build();
        } else if (block instanceof OrderedList list) {
            JsonObjectBuilder ordered = node("orderedList");
            Integer start = list.getMarkerStartNumber();
            if (start != null && start != 1) {
                ordered.add("attrs", Jsons.createObjectBuilder().add("order", start));
            }
            return ordered.add("content", adfItems(block)).build();
        } else if (block instanceof ThematicBreak) {
            return node("rule").build();
        } else if (block instanceof HtmlBlock html) {
            return withContent(node("paragraph"), Jsons.createArrayBuilder()
                    .add(text(withoutFinalNewline(html.getLiteral()), List.of())).build()).build();
        }
        return null;
    }

    /** List items; ADF wants each to open with a paragraph, so an item that opens with a list gets an empty one. */
    private static JsonArray adfItems(Node list) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (Node item = list.getFirstChild(); item instanceof ListItem; item = item.getNext()) {
            JsonArray content = adfBlocks(item);
            if (content.isEmpty() || !"paragraph".equals(content.getJsonObject(0).getString("type"))
                    && !"codeBlock".equals(content.getJsonObject(0).getString("type"))) {
                content = Jsons.createArrayBuilder(content).add(0, node("paragraph")).build();
            }
            items.add(node("listItem").add("content", content));
        }
        return items.build();
    }

    private static JsonObject codeBlock(String language, String literal) {
        JsonObjectBuilder code = node("codeBlock");
        if (!language.isEmpty()) {
            code.add("attrs", Jsons.createObjectBuilder().add("language", language));
        }
        String text = withoutFinalNewline(literal);
        if (!text.isEmpty()) {
            code.add("content", Jsons.createArrayBuilder().add(text(text, List.of())));
        }
        return code.build();
    }

    private static JsonArray adfInlines(Node parent) {
        Runs runs = new Runs();
        adfInlines(parent, List.of(), runs);
        return runs.build();
    }

    private static void adfInlines(Node parent, List<JsonObject> marks, Runs runs) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                runs.text(text.getLiteral(), marks);
            } else if (node instanceof Code code) {
                List<JsonObject> codeMarks = new ArrayList<>();
                codeMarks.add(mark("code"));
                marks.stream().filter(m -> "link".equals(m.getString("type"))).forEach(codeMarks::add);
                runs.text(code.getLiteral(), codeMarks);
            } else if (node instanceof StrongEmphasis) {
                adfInlines(node, with(marks, mark("strong")), runs);
            } else if (node instanceof Emphasis) {
                adfInlines(node, with(marks, mark("em")), runs);
            } else if (node instanceof Link link) {
                adfInlines(node, with(marks, link(link.getDestination())), runs);
            } else if (node instanceof Image image) {
                // ADF media needs an upload; an image becomes a link to it, labelled with its alt text
                Runs alt = new Runs();
                adfInlines(image, List.of(), alt);
                String label = alt.plainText();
                runs.text(label.isEmpty() ? image.getDestination() : label, with(marks, link(image.getDestination())));
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                runs.node(node("hardBreak").build());
            } else if (node instanceof HtmlInline html) {
                runs.text(html.getLiteral(), marks);
            } else {
                adfInlines(node, marks, runs);
            }
        }
    }

    /** Inline nodes under construction: adjacent text with the same marks is one text node. */
    private static final class Runs {
        private final List<Object> nodes = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();
        private List<JsonObject> pendingMarks = List.of();

        void text(String text, List<JsonObject> marks) {
            if (text.isEmpty()) {
                return;
            }
            if (pending.length() > 0 && !pendingMarks.equals(marks)) {
                flush();
            }
            pending.append(text);
            pendingMarks = marks;
        }

        void node(JsonObject node) {
            flush();
            nodes.add(node);
        }

        String plainText() {
            flush();
            StringBuilder text = new StringBuilder();
            nodes.stream().map(JsonObject.class::cast).filter(n -> n.containsKey("text"))
                    .forEach(n -> text.append(n.getString("text")));
            return text.toString();
        }

        JsonArray build() {
            flush();
            JsonArrayBuilder content = Jsons.createArrayBuilder();
            nodes.forEach(n -> content.add((JsonObject) n));
            return content.build();
        }

        private void flush() {
            if (pending.length() > 0) {
                nodes.add(JiraMarkdown.text(pending.toString(), pendingMarks));
                pending.setLength(0);
                pendingMarks = List.of();
            }
        }
    }

    private static JsonObject text(String text, List<JsonObject> marks) {
        JsonObjectBuilder node = node("text").add("text", text);
        if (!marks.isEmpty()) {
            JsonArrayBuilder array = Jsons.createArrayBuilder();
            marks.forEach(array::add);
            node.add("marks", array);
        }
        return node.build();
    }

    private static JsonObjectBuilder withContent(JsonObjectBuilder node, JsonArray content) {
        return content.isEmpty() ? node : node.add("content", content);
    }

    private static JsonObjectBuilder node(String type) {
        return Jsons.createObjectBuilder().add("type", type);
    }

    private static JsonObject mark(String type) {
        return node(type).build();
    }

    private static JsonObject link(String href) {
        return node("link").add("attrs", Jsons.createObjectBuilder().add("href", href)).build();
    }

    private static List<JsonObject> with(List<JsonObject> marks, JsonObject mark) {
        List<JsonObject> all = new ArrayList<>(marks);
        if (!all.contains(mark)) {
            all.add(mark);
        }
        return List.copyOf(all);
    }

    // ---- shared

    /** The first word of a fence's info string, when it looks like a language name. */
    private static String language(String info) {
        String word = Objects.requireNonNullElse(info, "").strip().split("\\s+", 2)[0];
        return word.matches("[A-Za-z0-9_+#.-]+") ? word : "";
    }

    private static String withoutFinalNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
