package dev.switchboard.jira.control;

import java.util.regex.Pattern;

/**
 * Jira wiki markup quirks: quotes and code are written {@code {quote}}, {@code bq.}, {@code {code}},
 * {@code {noformat}} and {@code {{monospace}}} rather than Markdown, so a mention inside them is removed
 * before the Markdown-aware trigger check sees the text.
 */
final class JiraMarkup {

    private static final Pattern BLOCKS = Pattern.compile(
            "\\{(quote|code|noformat)(?::[^}]*)?}.*?(?:\\{\\1}|\\z)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_QUOTE_LINE = Pattern.compile("(?m)^\\s*bq\\.\\s.*$");
    private static final Pattern MONOSPACE = Pattern.compile("\\{\\{.*?}}");

    private JiraMarkup() {
    }

    static String withoutQuotesAndCode(String body) {
        String text = BLOCKS.matcher(body).replaceAll(" ");
        text = BLOCK_QUOTE_LINE.matcher(text).replaceAll(" ");
        return MONOSPACE.matcher(text).replaceAll(" ");
    }
}
