package dev.switchboard.slack.control;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.jobs.control.JobRequest;
import dev.switchboard.slack.control.SlackEvent.AppMention;
import dev.switchboard.slack.control.SlackEvent.BlockActions;
import dev.switchboard.slack.control.SlackEvent.Message;
import dev.switchboard.slack.control.SlackEvent.Unsupported;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether a Slack event asks the agent for a job. In Slack the app mention itself is the
 * trigger ({@code <@U...>}), so the configured mention word plays no part here.
 */
public final class SlackJobRequests {

    // Subtypes that are still a person writing: a file with a caption, a thread reply also sent to the channel.
    private static final Set<String> PERSON_SUBTYPES = Set.of("file_share", "thread_broadcast");

    private SlackJobRequests() {
    }

    public static Outcome decide(SlackEvent event) {
        return decide(event, reply -> false);
    }

    /**
     * @param askedBefore whether the writer of a thread reply has asked for a job in that thread: their reply,
     *                    even without a mention, is then a request (a follow-up)
     */
    public static Outcome decide(SlackEvent event, Predicate<Message> askedBefore) {
        if (event instanceof Unsupported unsupported) {
            return Outcome.ignored(unsupported.reason());
        }
        if (event instanceof AppMention mention) {
            return appMention(mention);
        }
        if (event instanceof Message message) {
            return message(message, askedBefore);
        }
        if (event instanceof BlockActions actions) {
            return Outcome.processed("repository selection " + actions.value() + " by " + actions.user());
        }
        throw new IllegalArgumentException("unknown Slack event " + event);
    }

    private static Outcome appMention(AppMention mention) {
        if (mention.botId() != null) {
            return Outcome.ignored("mention written by a bot (" + mention.botId() + ")");
        }
        String where = mention.threadTs() == null
                ? "channel " + mention.channel()
                : "thread " + mention.threadTs() + " in channel " + mention.channel();
        return new JobRequest(mention.user(), where, "app mention").toOutcome();
    }

    private static Outcome message(Message message, Predicate<Message> askedBefore) {
        if (message.botId() != null) {
            return Outcome.ignored("message written by a bot (" + message.botId() + ")");
        }
        if (message.subtype() != null && !PERSON_SUBTYPES.contains(message.subtype())) {
            return Outcome.ignored("message subtype '" + message.subtype() + "' is not handled");
        }
        // Slack sends a channel mention twice, as message and as app_mention: only the latter starts a job.
        if (!message.isDirect() && message.mentionsApp()) {
            return Outcome.ignored("handled as app_mention");
        }
        if (message.isThreadReply()) {
            return askedBefore.test(message)
                    ? new JobRequest(message.user(), "thread " + message.threadTs() + " in channel " + message.channel(),
                            "reply in a thread with their job").toOutcome()
                    : Outcome.ignored("no job in thread " + message.threadTs() + " yet");
        }
        if (message.isDirect()) {
            return new JobRequest(message.user(), "direct message channel " + message.channel(), "direct message")
                    .toOutcome();
        }
        return Outcome.ignored("message in channel " + message.channel() + " does not mention the app");
    }
}
