package dev.switchboard.slack.control;

import java.util.List;

/** A Slack event or interaction as Switchboard understands it; anything else is {@link Unsupported}. */
public sealed interface SlackEvent {

    /**
     * The app was @-mentioned in a channel it is in.
     *
     * @param threadTs the parent message when the mention is a thread reply, else null
     * @param botId    set when another app wrote the mention
     */
    record AppMention(String team, String channel, String user, String text, String ts, String threadTs,
                      String botId) implements SlackEvent {
    }

    /**
     * A message the app can see: in a DM with it, or in a channel it is in.
     *
     * @param channelType "im" for a direct message, "channel"/"group"/"mpim" otherwise
     * @param user        null for bot messages and edits, which carry no top-level user
     * @param threadTs    the parent message for a thread reply; equal to ts on a thread's parent
     * @param subtype     null for a plain message; "message_changed", "bot_message", ... otherwise
     * @param appUserIds  the app's own bot user ids, from the envelope's authorizations
     */
    record Message(String team, String channel, String channelType, String user, String text, String ts,
                   String threadTs, String botId, String subtype, List<String> appUserIds) implements SlackEvent {

        public Message {
            appUserIds = List.copyOf(appUserIds);
        }

        public boolean isDirect() {
            return "im".equals(channelType);
        }

        public boolean isThreadReply() {
            return threadTs != null && !threadTs.equals(ts);
        }

        /** Slack writes a mention as {@code <@U123>} or {@code <@U123|name>}. */
        public boolean mentionsApp() {
            return appUserIds.stream()
                    .anyMatch(id -> text.contains("<@" + id + ">") || text.contains("<@" + id + "|"));
        }
    }

    /**
     * A click in a message's interactive block; the repository selector sends its choice this way.
     *
     * @param blockId   the block the element is in (the selector's names the asking delivery)
     * @param value     the chosen option's value (a select) or the button's value
     * @param messageTs the message holding the element (the selector message)
     */
    record BlockActions(String team, String user, String channel, String actionId, String blockId, String value,
                        String messageTs, String threadTs) implements SlackEvent {
    }

    /** An event Switchboard does not act on, with the reason. */
    record Unsupported(String reason) implements SlackEvent {
    }
}
