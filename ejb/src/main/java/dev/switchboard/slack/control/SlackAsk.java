package dev.switchboard.slack.control;

import dev.switchboard.slack.control.SlackEvent.AppMention;
import dev.switchboard.slack.control.SlackEvent.Message;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A Slack message that asked for a job, reduced to what starting it needs: who, where, the text, and the thread
 * the answers go to — the asking message's thread, or the thread that message starts when it has none yet.
 *
 * @param ts         the asking message
 * @param threadTs   the thread's parent message (the asking message itself for a new thread)
 * @param inThread   whether the asking message was written inside an existing thread (there is history to read)
 * @param appUserIds the app's bot user ids known from the event (their mentions are not part of the request)
 * @param chosenRepository the repository the requester chose in the selector, else null (read from the text)
 */
public record SlackAsk(String team, String channel, String user, String text, String ts, String threadTs,
                       boolean inThread, List<String> appUserIds, String chosenRepository) {

    public SlackAsk {
        appUserIds = List.copyOf(appUserIds);
    }

    public SlackAsk(String team, String channel, String user, String text, String ts, String threadTs,
                    boolean inThread, List<String> appUserIds) {
        this(team, channel, user, text, ts, threadTs, inThread, appUserIds, null);
    }

    /** The same request, its repository chosen in the selector. */
    public SlackAsk choosing(String repository) {
        return new SlackAsk(team, channel, user, text, ts, threadTs, inThread, appUserIds, repository);
    }

    /** The accessible repositories this request is about: the one chosen, else those its text names. */
    public List<String> repositories(List<String> accessible) {
        if (chosenRepository != null) {
            return accessible.contains(chosenRepository) ? List.of(chosenRepository) : List.of();
        }
        return SlackRepositoryInference.infer(text, accessible);
    }

    /** The asking message itself, where the 👀 goes. */
    public SlackMessageRef message() {
        return new SlackMessageRef(team, channel, ts);
    }

    public static Optional<SlackAsk> of(SlackEvent event) {
        if (event instanceof AppMention m) {
            return Optional.of(new SlackAsk(m.team(), m.channel(), m.user(), m.text(), m.ts(),
                    m.threadTs() == null ? m.ts() : m.threadTs(), m.threadTs() != null && !m.threadTs().equals(m.ts()),
                    List.of()));
        }
        if (event instanceof Message m && m.user() != null) {
            return Optional.of(new SlackAsk(m.team(), m.channel(), m.user(), m.text(), m.ts(),
                    m.threadTs() == null ? m.ts() : m.threadTs(), m.isThreadReply(), m.appUserIds()));
        }
        return Optional.empty();
    }

    /** How the asking user is known in linked accounts (provider {@code slack}). */
    public String providerUserId() {
        return team + ":" + user;
    }

    /** Follow-ups in the same thread belong to this job. */
    public String threadKey() {
        return threadKey(team, channel, threadTs);
    }

    public static String threadKey(String team, String channel, String threadTs) {
        return "slack:" + team + ":" + channel + ":" + threadTs;
    }

    public String where() {
        return "thread " + threadTs + " in channel " + channel + " of workspace " + team;
    }

    /** Where posts about the job go: the job's {@code answer_to} and every notice's target. */
    public JsonObject answerTo() {
        return new SlackTarget(team, channel, threadTs, user).toJson();
    }
}
