package dev.switchboard.microagents.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task agent's {@code ${name}} variables: which there are, what the user gave for them, and the content with
 * them filled in. Only {@code ${letters_digits_underscores}} is a variable: {@code $5}, {@code $HOME},
 * {@code ${not closed} or {@code ${1x}} in a shell snippet stay exactly as written.
 */
public final class TaskVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private TaskVariables() {
    }

    static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The variables in {@code content}, each once, in order of first appearance. */
    public static List<String> in(String content) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(content);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new ArrayList<>(names);
    }

    /**
     * Values for {@code names} given as {@code name=value} or {@code name: value} (value quoted, or up to the end of
     * the word; {@code name: value} only at the start of a line, as an answer in a thread reads). Texts are read in
     * order and a later one wins, so pass the thread oldest first and the message last.
     */
    public static Map<String, String> valuesIn(List<String> texts, List<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String name : names) {
                Pattern given = Pattern.compile("(?:(?<![\\w$])" + Pattern.quote(name)
                        + "\\s*=|(?m:^)\\s*" + Pattern.quote(name) + "\\s*:)[ \\t]*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
                Matcher m = given.matcher(text);
                while (m.find()) {
                    String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    values.put(name, value);
                }
            }
        }
        return values;
    }

    /** {@code content} with each given variable replaced; variables without a value stay as {@code ${name}}. */
    public static String substitute(String content, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(content);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
