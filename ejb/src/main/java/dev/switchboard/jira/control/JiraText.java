package dev.switchboard.jira.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.regex.Pattern;

/**
 * Jira text as plain text for the agent's prompt: REST API v2 (and webhooks) give wiki markup, v3 gives Atlassian
 * Document Format. Markup that only styles is dropped, what carries meaning is kept readable: links keep their
 * URL (the repository may be in it), code keeps its content, quotes become {@code > } lines, list items
 * {@code - }, user mentions their name. Pure, so it is unit tested.
 */
public final class JiraText {

    private static final Pattern CODE_BLOCK = Pattern.compile("\\{(code|noformat)(?::[^}]*)?}\\n?");
    private static final Pattern QUOTE_BLOCK = Pattern.compile("(?s)\\{quote}\\n?(.*?)\\n?\\{quote}");
    private static final Pattern HEADING = Pattern.compile("(?m)^h[1-6]\\.\\s+");
    private static final Pattern QUOTE_LINE = Pattern.compile("(?m)^bq\\.\\s+");
    private static final Pattern LIST_ITEM = Pattern.compile("(?m)^[*#-]+\\s+");
    private static final Pattern LABELLED_LINK = Pattern.compile("\\[([^\\]|\\[]+)\\|([^\\]\\[]+)]");
    private static final Pattern BARE_LINK = Pattern.compile("\\[((?:https?|mailto):[^\\]\\[|]+)]");
    private static final Pattern USER = Pattern.compile("\\[~(?:accountid:)?([^\\]]+)]");
    private static final Pattern MONOSPACE = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern COLOR = Pattern.compile("\\{color(?::[^}]*)?}");
    private static final Pattern STRONG = Pattern.compile("(?<![\\w*])\\*(\\S(?:.*?\\S)?)\\*(?![\\w*])");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([*_{}\\[\\]|!^~+\\-])");

    private JiraText() {
    }

    /** A field as Jira gave it: a wiki string, an ADF document, or null. */
    public static String plain(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (value instanceof JsonString string) {
            return fromWiki(string.getString());
        }
        if (value instanceof JsonObject document) {
            return fromAdf(document);
        }
        return value.toString();
    }

    public static String fromWiki(String wiki) {
        if (wiki == null) {
            return "";
        }
        String text = wiki.replace("\r\n", "\n");
        text = QUOTE_BLOCK.matcher(text).replaceAll(m -> quote(m.group(1)).replace("\\", "\\\\").replace("$", "\\$"));
        text = CODE_BLOCK.matcher(text).replaceAll("");
        text = HEADING.matcher(text).replaceAll("");
        text = QUOTE_LINE.matcher(text).replaceAll("> ");
        text = LIST_ITEM.matcher(text).replaceAll("- ");
        text = LABELLED_LINK.matcher(text).replaceAll(m -> literal(m.group(1).equals(m.group(2)) ? m.group(2)
                : m.group(1) + " (" + m.group(2) + ")"));
        text = BARE_LINK.matcher(text).replaceAll(m -> literal(m.group(1)));
        text = USER.matcher(text).replaceAll(m -> literal("@" + m.group(1)));
        text = MONOSPACE.matcher(text).replaceAll(m -> literal(m.group(1)));
        text = COLOR.matcher(text).replaceAll("");
        text = STRONG.matcher(text).replaceAll(m -> literal(m.group(1)));
        text = ESCAPE.matcher(text).replaceAll("$1");
        return text.strip();
    }

    public static String fromAdf(JsonObject document) {
        StringBuilder out = new StringBuilder();
        block(document, out, "");
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void block(JsonObject node, StringBuilder out, String prefix) {
        String type = node.getString("type", "");
        switch (type) {
            case "text":
                out.append(node.getString("text", ""));
                link(node, out);
                return;
            case "hardBreak":
                out.append('\n').append(prefix);
                return;
            case "mention":
                out.append(attr(node, "text", "@someone"));
                return;
            case "emoji":
                out.append(attr(node, "text", attr(node, "shortName", "")));
                return;
            case "inlineCard":
            case "blockCard":
                out.append(attr(node, "url", ""));
                return;
            case "date":
                out.append(attr(node, "timestamp", ""));
                return;
            case "status":
                out.append(attr(node, "text", ""));
                return;
            case "rule":
                out.append("\n---\n\n");
                return;
            case "listItem":
                out.append(prefix).append("- ");
                children(node, out, prefix + "  ");
                return;
            case "blockquote":
                StringBuilder quoted = new StringBuilder();
                children(node, quoted, "");
                out.append(quote(quoted.toString().strip())).append("\n\n");
                return;
            case "paragraph":
            case "heading":
            case "codeBlock":
                children(node, out, prefix);
                out.append(prefix.isEmpty() ? "\n\n" : "\n");
                return;
            default:
                children(node, out, prefix); // doc, lists, panels, tables, expand: their content is what counts
                if ("tableCell".equals(type) || "tableHeader".equals(type)) {
                    out.append(" | ");
                } else if ("tableRow".equals(type)) {
                    out.append('\n');
                }
        }
    }

    private static void children(JsonObject node, StringBuilder out, String prefix) {
        JsonValue content = node.get("content");
        if (content instanceof JsonArray array) {
            for (JsonValue child : array) {
                if (child instanceof JsonObject object) {
                    block(object, out, prefix);
                }
            }
        }
    }

    /** A link mark keeps its URL next to its text, unless the text is the URL. */
    private static void link(JsonObject text, StringBuilder out) {
        JsonValue marks = text.get("marks");
        if (!(marks instanceof JsonArray array)) {
            return;
        }
        for (JsonValue mark : array) {
            if (mark instanceof JsonObject m && "link".equals(m.getString("type", ""))) {
                String href = attr(m, "href", "");
                if (!href.isEmpty() && !href.equals(text.getString("text", ""))) {
                    out.append(" (").append(href).append(')');
                }
            }
        }
    }

    private static String attr(JsonObject node, String name, String otherwise) {
        JsonValue attrs = node.get("attrs");
        if (attrs instanceof JsonObject object && object.get(name) instanceof JsonString value) {
            return value.getString();
        }
        return otherwise;
    }

    private static String quote(String text) {
        return "> " + text.strip().replace("\n", "\n> ");
    }

    private static String literal(String replacement) {
        return replacement.replace("\\", "\\\\").replace("$", "\\$");
    }
}
