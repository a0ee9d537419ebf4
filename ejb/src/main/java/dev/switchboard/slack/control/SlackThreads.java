package dev.switchboard.slack.control;

import dev.switchboard.clients.control.PlatformClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A thread's messages for the prompt ({@code conversations.replies}, oldest first). Slack cannot page from the
 * newest end, so pages are read forward and only the newest kept; a thread too long for {@link #MAX_PAGES}
 * pages loses its middle, never its end. A thread the bot may not read (not in the channel, scope missing)
 * gives no history: the job goes on with the request alone. Rate limits and outages propagate (retried).
 */
@ApplicationScoped
public class SlackThreads {

    private static final Logger LOG = Logger.getLogger(SlackThreads.class.getName());
    static final int PAGE = 200;
    static final int MAX_PAGES = 5;

    @Inject
    PlatformClients clients;

    public List<SlackPrompt.Message> read(String authorization, String channel, String threadTs) {
        List<SlackPrompt.Message> messages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                JsonObject answer;
                try (Response r = clients.slack().conversationReplies(authorization, channel, threadTs,
                        cursor.orElse(null), PAGE)) {
                    answer = SlackResponses.check("conversations.replies", r.getStatus(), r.getStringHeaders(),
                            r.readEntity(String.class));
                }
                messages.addAll(messages(answer));
                keepNewest(messages);
                cursor = SlackCursor.next(answer);
                if (cursor.isEmpty()) {
                    break;
                }
            }
        } catch (SlackPermissionException | SlackNotFoundException e) {
            LOG.info(() -> "thread " + threadTs + " in " + channel + " not read (" + e.error() + "): no history");
            return List.of();
        }
        return messages;
    }

    private static void keepNewest(List<SlackPrompt.Message> messages) {
        int keep = SlackPrompt.MAX_MESSAGES + 1; // the request itself may be among them
        if (messages.size() > keep) {
            messages.subList(0, messages.size() - keep).clear();
        }
    }

    static List<SlackPrompt.Message> messages(JsonObject answer) {
        List<SlackPrompt.Message> messages = new ArrayList<>();
        JsonValue list = answer.get("messages");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            return messages;
        }
        for (JsonValue value : list.asJsonArray()) {
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObject message = value.asJsonObject();
                messages.add(new SlackPrompt.Message(message.getString("user", message.getString("bot_id", null)),
                        message.getString("text", ""), message.getString("ts", null)));
            }
        }
        return messages;
    }
}
