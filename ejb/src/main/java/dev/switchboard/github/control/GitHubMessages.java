package dev.switchboard.github.control;

import dev.switchboard.jobs.control.AgentState;

/** What Switchboard writes on GitHub (Markdown), in one place so the wording stays consistent. */
final class GitHubMessages {

    private GitHubMessages() {
    }

    static String onIt(String requester, String link) {
        return "@" + requester + " I'm on it! You can track my progress at " + link;
    }

    static String connectAccount(String requester, String connectUrl) {
        return "@" + requester + " I can only work for people with a Switchboard account linked to GitHub. "
                + "Please connect yours at " + connectUrl + " and ask again.";
    }

    static String couldNotStart(String requester) {
        return "@" + requester + " I couldn't start working on this: the agent server refused the job. "
                + "Please try again later or ask an administrator to look at Switchboard's jobs.";
    }

    /** The comment for an agent state, or null for one that needs none. */
    static String stateChanged(AgentState state, String requester, String message, String link) {
        String to = "@" + requester + " ";
        switch (state) {
            case FINISHED:
                return to + "I'm done." + (message == null ? "" : "\n\n" + message.strip())
                        + "\n\n[See the whole conversation](" + link + ")";
            case AWAITING_INPUT:
                return to + "I'm waiting for your input" + (message == null ? "." : ":\n\n" + quote(message))
                        + "\n\nPlease answer in the conversation: " + link;
            case ERROR:
                return to + "I ran into an error and stopped working on this." 
                        + (message == null ? "" : "\n\n" + quote(message)) + "\n\nDetails: " + link;
            case STOPPED:
                return to + "The job was stopped before it finished. What was done so far: " + link;
            case RATE_LIMITED:
                return to + "I'm being rate-limited by my model provider and will go on once the limit lifts. "
                        + "Progress: " + link;
            default:
                return null;
        }
    }

    private static String quote(String text) {
        return "> " + text.strip().replace("\n", "\n> ");
    }
}
