package dev.switchboard.jira.control;

import dev.switchboard.jobs.control.AgentState;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What Switchboard writes on a Jira issue, in Markdown: {@link JiraMarkdown} turns it into what the comment
 * endpoint takes (wiki markup for API v2 / Data Center, ADF for v3 / Cloud). None of it contains the trigger word,
 * so Switchboard's own comments can never ask it for a job. Pure, so it is unit tested.
 */
public final class JiraMessages {

    private JiraMessages() {
    }

    public static String onIt(String link) {
        return "I'm on it! You can [track my progress here](" + link + ").";
    }

    public static String connectAccount(String requester, String connectUrl) {
        return requester + ", I only work for people whose Jira account is linked to Switchboard. Please [connect "
                + "yours](" + connectUrl + ") and ask me again.";
    }

    /**
     * @param named    the repositories the request named that the requester can use (none, or several)
     * @param defaults the workspace's default repositories, offered by name
     */
    public static String whichRepository(String requester, List<String> named, List<String> defaults) {
        StringBuilder text = new StringBuilder(requester).append(", which repository should I work in? ");
        if (named.size() > 1) {
            text.append("You named several: ").append(code(named)).append(". ");
        } else {
            text.append("I found none that you can use named in this issue. ");
        }
        text.append("Mention me again with the repository's name (`owner/repo`) or its URL.");
        if (!defaults.isEmpty()) {
            text.append(" This site's repositories: ").append(code(defaults)).append('.');
        }
        return text.toString();
    }

    public static String couldNotStart() {
        return "I couldn't start working on this: the agent server refused the job. Please try again later or ask an "
                + "administrator to look at Switchboard's jobs.";
    }

    /** The comment for the agent's new state, or null when the state is no news. */
    public static String stateChanged(AgentState state, String message, String link) {
        String conversation = "[the conversation](" + link + ")";
        if (state == AgentState.FINISHED) {
            return "**Done.**" + paragraph(message) + "\n\nEverything I did is in " + conversation + ".";
        }
        if (state == AgentState.AWAITING_INPUT) {
            return "**I need your input to go on.**" + paragraph(quoted(message)) + "\n\nPlease answer in " + conversation
                    + ".";
        }
        if (state == AgentState.ERROR) {
            return "**I ran into an error and stopped.**" + paragraph(quoted(message)) + "\n\nDetails are in "
                    + conversation + ".";
        }
        if (state == AgentState.STOPPED) {
            return "**The job was stopped** before it finished. What was done so far is in " + conversation + ".";
        }
        if (state == AgentState.RATE_LIMITED) {
            return "**My model provider is rate-limiting me**; I'll go on once the limit lifts. Progress: "
                    + conversation + ".";
        }
        return null;
    }

    private static String paragraph(String text) {
        return text == null || text.isBlank() ? "" : "\n\n" + text.strip();
    }

    private static String quoted(String text) {
        return text == null || text.isBlank() ? null : "> " + text.strip().replace("\n", "\n> ");
    }

    private static String code(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }
}
