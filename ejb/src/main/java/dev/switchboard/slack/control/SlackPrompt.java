package dev.switchboard.slack.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The agent's first message for a Slack job: the request (without the app's own mention, which only says who
 * is asked), the repository it is about, and the thread's earlier messages — the newest {@link #MAX_MESSAGES},
 * oldest of them first, so it reads as a conversation. Slack's markup for people ({@code <@U123>}) and links
 * ({@code <url|label>}) is turned into plain text. Pure, so it is unit tested.
 */
public final class SlackPrompt {

    public static final int MAX_MESSAGES = 20;

    private static final Pattern LABELLED_LINK = Pattern.compile("<(https?://[^|>]+)\\|([^>]+)>");
    private static final Pattern LINK = Pattern.compile("<(https?://[^|>]+)>");
    private static final Pattern USER = Pattern.compile("<@([A-Z0-9]+)(?:\\|[^>]*)?>");

    /** One message of the thread. */
    public record Message(String user, String text, String ts) {
    }

    private SlackPrompt() {
    }

    /**
     * @param repository  the repository the job is on, or null when none is known
     * @param earlier     the thread's messages, oldest first (Slack's order); the asking one and all after it
     *                    are left out, and only the newest of the rest are used
     * @param appUserIds  the app's bot user ids, whose mentions are dropped from the request
     */
    public static String build(String repository, String requester, String request, String requestTs,
                               List<Message> earlier, List<String> appUserIds) {
        return build(repository, requester, null, request, requestTs, earlier, appUserIds);
    }

    /** @param requesterName how Slack shows the requester ({@code users.info}), or null when unknown */
    public static String build(String repository, String requester, String requesterName, String request,
                               String requestTs, List<Message> earlier, List<String> appUserIds) {
        Objects.requireNonNull(requester);
        StringBuilder prompt = new StringBuilder("You were asked for help in a Slack conversation by ")
                .append(requesterName == null ? person(requester) : requesterName + " (" + person(requester) + ")")
                .append(".\n");
        if (repository != null) {
            prompt.append("\nRepository: ").append(repository).append('\n');
        }
        List<Message> before = before(earlier, requestTs);
        List<Message> newest = before.subList(Math.max(0, before.size() - MAX_MESSAGES), before.size());
        if (!newest.isEmpty()) {
            prompt.append("\nEarlier messages in the thread (oldest first");
            if (before.size() > newest.size()) {
                prompt.append(", ").append(before.size() - newest.size()).append(" earlier ones left out");
            }
            prompt.append("):\n");
            for (Message message : newest) {
                prompt.append('\n').append(person(message.user())).append(" wrote:\n")
                        .append(plain(message.text(), List.of()).strip()).append('\n');
            }
        }
        prompt.append("\nThe request:\n").append(plain(request, appUserIds).strip()).append('\n');
        return prompt.toString();
    }

    /** The messages written before the request (Slack's ts order is time order; equal ts is the request). */
    static List<Message> before(List<Message> thread, String requestTs) {
        List<Message> before = new ArrayList<>();
        if (thread == null) {
            return before;
        }
        for (Message message : thread) {
            if (message.text() == null || message.text().isBlank()) {
                continue;
            }
            if (requestTs != null && message.ts() != null && compareTs(message.ts(), requestTs) >= 0) {
                continue;
            }
            before.add(message);
        }
        return before;
    }

    /** Slack's text as plain text: the app's mentions gone, other people as @U123, links as label (url). */
    static String plain(String text, List<String> appUserIds) {
        if (text == null) {
            return "";
        }
        String plain = text;
        for (String app : appUserIds) {
            plain = plain.replaceAll("<@" + Pattern.quote(app) + "(?:\\|[^>]*)?>\\s*", "");
        }
        plain = LABELLED_LINK.matcher(plain).replaceAll("$2 ($1)");
        plain = LINK.matcher(plain).replaceAll("$1");
        plain = USER.matcher(plain).replaceAll("@$1");
        return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String person(String user) {
        return user == null ? "someone" : "@" + user;
    }

    // ts is "seconds.micros" with a fixed six-digit fraction; comparing as decimals avoids float rounding
    static int compareTs(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
