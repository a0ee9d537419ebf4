package dev.switchboard.slack.control;

import dev.switchboard.jobs.control.AgentState;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Switchboard writes in Slack, in Slack's mrkdwn: people as {@code <@U123>}, links as {@code <url|text>},
 * bold with single asterisks, and {@code & < >} escaped in anything the agent wrote (Slack reads them as
 * markup otherwise). The agent writes Markdown, so its message is translated. Pure, so it is unit tested.
 */
public final class SlackMessages {

    private static final Pattern CODE_BLOCK = Pattern.compile("```.*?```", Pattern.DOTALL);
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]\\n]+)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*$");
    private static final Pattern STRIKE = Pattern.compile("~~(.+?)~~");

    private SlackMessages() {
    }

    public static String onIt(String user, String link) {
        return mention(user) + " I'm on it! You can track my progress " + link(link, "here") + ".";
    }

    public static String connectAccount(String connectUrl) {
        return "I can only work for people who have linked their Slack account to Switchboard. "
                + link(connectUrl, "Connect your account") + " and ask again.";
    }

    public static String nameTheRepository(String user, List<String> candidates) {
        StringBuilder text = new StringBuilder(mention(user));
        if (candidates.isEmpty()) {
            text.append(" Which repository should I work on? I couldn't tell from your message. ");
        } else {
            text.append(" Your message could mean several repositories: ");
            for (int i = 0; i < candidates.size(); i++) {
                text.append(i == 0 ? "" : ", ").append('`').append(escape(candidates.get(i))).append('`');
            }
            text.append(". ");
        }
        return text.append("Please mention me again in this thread and name it as `owner/repo`.").toString();
    }

    public static String notYourChoice(String requester) {
        return "Only " + mention(requester) + " can choose the repository for their request. "
                + "Mention me yourself to ask for something.";
    }

    public static String couldNotStart(String user) {
        return mention(user) + " I couldn't start working on this: the agent server refused the job. "
                + "Please try again later or ask an administrator to look at Switchboard's jobs.";
    }

    /** The thread reply for an agent state, or null for one that needs none. */
    public static String stateChanged(AgentState state, String user, String message, String link) {
        String to = mention(user) + " ";
        switch (state) {
            case FINISHED:
                return to + "I'm done." + (message == null ? "" : "\n\n" + mrkdwn(message))
                        + "\n\n" + link(link, "See the whole conversation");
            case AWAITING_INPUT:
                return to + "I'm waiting for your input" + (message == null ? "." : ":\n\n" + quote(mrkdwn(message)))
                        + "\n\nPlease answer in the " + link(link, "conversation") + ".";
            case ERROR:
                return to + "I ran into an error and stopped working on this."
                        + (message == null ? "" : "\n\n" + quote(mrkdwn(message))) + "\n\n" + link(link, "Details");
            case STOPPED:
                return to + "The job was stopped before it finished. " + link(link, "What was done so far");
            case RATE_LIMITED:
                return to + "I'm being rate-limited by my model provider and will go on once the limit lifts. "
                        + link(link, "Progress");
            default:
                return null;
        }
    }

    /**
     * The agent's Markdown as mrkdwn: escaped first (so the agent cannot ping {@code <!channel>} or forge
     * links), then bold, headings, strike-through and links translated; code blocks are kept as they are.
     */
    static String mrkdwn(String markdown) {
        String text = markdown.strip();
        StringBuilder out = new StringBuilder();
        Matcher code = CODE_BLOCK.matcher(text);
        int at = 0;
        while (code.find()) {
            out.append(prose(text.substring(at, code.start()))).append(escape(code.group()));
            at = code.end();
        }
        return out.append(prose(text.substring(at))).toString();
    }

    private static String prose(String markdown) {
        String text = escape(markdown);
        text = MD_LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement("<" + m.group(2) + "|" + m.group(1) + ">"));
        text = BOLD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                "*" + (m.group(1) != null ? m.group(1) : m.group(2)) + "*"));
        text = HEADING.matcher(text).replaceAll(m -> Matcher.quoteReplacement("*" + m.group(1) + "*"));
        return STRIKE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("~" + m.group(1) + "~"));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String quote(String text) {
        return "> " + text.strip().replace("\n", "\n> ");
    }

    private static String mention(String user) {
        return "<@" + user + ">";
    }

    private static String link(String url, String text) {
        return "<" + url + "|" + text + ">";
    }
}
