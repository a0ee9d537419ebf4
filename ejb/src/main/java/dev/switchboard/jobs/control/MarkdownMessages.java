package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.AgentJob;
import java.util.Arrays;
import java.util.Optional;

/**
 * What Switchboard writes on the platforms that render Markdown (GitHub, GitLab), in one place so the wording stays
 * the same on both. Each message starts with an @-mention of the requester, which notifies them on either platform.
 */
public final class MarkdownMessages {

    private MarkdownMessages() {
    }

    public static String onIt(String requester, String link) {
        return "@" + requester + " I'm on it! You can track my progress at " + link;
    }

    /** @param platform the platform's name as users know it: GitHub, GitLab */
    public static String connectAccount(String requester, String platform, String connectUrl) {
        return "@" + requester + " I can only work for people with a Switchboard account linked to " + platform + ". "
                + "Please connect yours at " + connectUrl + " and ask again.";
    }

    public static String couldNotStart(String requester) {
        return "@" + requester + " I couldn't start working on this: the agent server refused the job. "
                + "Please try again later or ask an administrator to look at Switchboard's jobs.";
    }

    /** A follow-up the agent server would not take (or did not answer): not sent again, so the requester knows. */
    public static String couldNotPassOn(String requester) {
        return "@" + requester + " I couldn't pass your message on to the conversation: the agent server did not take"
                + " it. Please ask again later or ask an administrator to look at Switchboard's jobs.";
    }

    /**
     * What to tell the requester about the job's current agent state (the callback processors' text): the agent's
     * final message and the link when it finished, what it waits for, and — unlike the seed, whose jobs looked
     * stuck — a clear word on error, stop and rate limit. Empty for a state that needs no word, or a job that never
     * started.
     */
    public static Optional<String> forStateOf(AgentJob job) {
        Optional<AgentState> state = Arrays.stream(AgentState.values())
                .filter(s -> s.id().equals(job.getAgentState())).findFirst();
        if (state.isEmpty() || job.getConversationId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(stateChanged(state.get(), job.getRequester(), job.getAgentMessage(),
                AgentServer.conversationLink(job.getConversationId())));
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
