package dev.switchboard.jobs.control;

import java.util.Collection;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configured mention word (AGENT_MENTION) and label (AGENT_LABEL) that ask the agent for a job.
 * Immutable and free of container dependencies so decisions can be unit tested directly.
 */
public final class AgentTriggers {

    public static final String DEFAULT_MENTION = "@openhands";
    public static final String DEFAULT_LABEL = "openhands";

    // A line that opens or closes a fenced code block: up to 3 spaces, then ``` or ~~~ (CommonMark).
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern QUOTED_LINE = Pattern.compile("^\\s*>");
    // An inline code span: a run of backticks closed by a run of the same length on the same line.
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?!`).*?(?<!`)\\1(?!`)");

    private final String mention;
    private final String label;
    private final Pattern mentionPattern;

    public AgentTriggers(String mention, String label) {
        this.mention = requireText(mention, "mention");
        this.label = requireText(label, "label");
        // Not after a word char, '@' or '.' (so not an e-mail like dev@openhands.dev) and not followed by
        // a word char or '-' (so not @openhands-bot or @openhandsx).
        this.mentionPattern = Pattern.compile("(?<![\\w@.])" + Pattern.quote(this.mention) + "(?![\\w-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static AgentTriggers defaults() {
        return new AgentTriggers(DEFAULT_MENTION, DEFAULT_LABEL);
    }

    public String mention() {
        return mention;
    }

    public String label() {
        return label;
    }

    /**
     * Whether the text addresses the agent: the mention as a whole word, outside quoted reply lines
     * and code, since people quote earlier requests and paste examples without asking again.
     */
    public boolean mentions(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return mentionPattern.matcher(withoutQuotesAndCode(text)).find();
    }

    /** Whether this label is the agent's; labels compare case-insensitively as GitHub and Jira treat them. */
    public boolean isLabel(String candidate) {
        return candidate != null && candidate.trim().equalsIgnoreCase(label);
    }

    public boolean hasLabel(Collection<String> labels) {
        return labels != null && labels.stream().anyMatch(this::isLabel);
    }

    static String withoutQuotesAndCode(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        String openFence = null;
        for (String line : text.split("\\R", -1)) {
            Matcher fence = FENCE.matcher(line);
            if (openFence != null) {
                if (fence.matches() && closes(openFence, fence)) {
                    openFence = null;
                }
            } else if (fence.matches() && opens(fence)) {
                openFence = fence.group(1);
            } else if (!QUOTED_LINE.matcher(line).find()) {
                kept.append(INLINE_CODE.matcher(line).replaceAll(" "));
            }
            kept.append('\n');
        }
        return kept.toString();
    }

    // A backtick fence's info string may not contain backticks: "```x```" is inline code, not a fence.
    private static boolean opens(Matcher fence) {
        return fence.group(1).charAt(0) != '`' || fence.group(2).indexOf('`') < 0;
    }

    private static boolean closes(String openFence, Matcher fence) {
        String run = fence.group(1);
        return run.charAt(0) == openFence.charAt(0) && run.length() >= openFence.length()
                && fence.group(2).isBlank();
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("agent " + what + " must not be blank");
        }
        return trimmed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentTriggers that && mention.equals(that.mention) && label.equals(that.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mention, label);
    }

    @Override
    public String toString() {
        return "AgentTriggers[mention=" + mention + ", label=" + label + "]";
    }
}
