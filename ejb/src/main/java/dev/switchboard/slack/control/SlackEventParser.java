package dev.switchboard.slack.control;

import static dev.switchboard.events.control.EventJson.array;
import static dev.switchboard.events.control.EventJson.flag;
import static dev.switchboard.events.control.EventJson.object;
import static dev.switchboard.events.control.EventJson.optionalArray;
import static dev.switchboard.events.control.EventJson.optionalString;
import static dev.switchboard.events.control.EventJson.string;
import static dev.switchboard.events.control.EventJson.text;

import dev.switchboard.events.control.EventJson;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.slack.control.SlackEvent.AppMention;
import dev.switchboard.slack.control.SlackEvent.BlockActions;
import dev.switchboard.slack.control.SlackEvent.Message;
import dev.switchboard.slack.control.SlackEvent.Unsupported;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a stored Slack delivery into a {@link SlackEvent}: Events API deliveries are the
 * {@code event_callback} envelope (stored event = {@code event.type}); interactions are the decoded
 * interaction JSON (stored event = its {@code type}).
 */
public final class SlackEventParser {

    private SlackEventParser() {
    }

    public static SlackEvent parse(String event, String payload) throws MalformedEventException {
        Objects.requireNonNull(event, "event");
        JsonObject root = EventJson.parse(payload);
        return switch (event) {
            case "app_mention" -> appMention(root);
            case "message" -> message(root);
            case "block_actions" -> blockActions(root);
            default -> new Unsupported("event '" + event + "' is not handled");
        };
    }

    private static SlackEvent appMention(JsonObject root) throws MalformedEventException {
        String team = string(root, "team_id");
        object(root, "event");
        return new AppMention(team, string(root, "event.channel"), string(root, "event.user"), string(root, "event.text"),
                string(root, "event.ts"), optionalString(root, "event.thread_ts").orElse(null),
                optionalString(root, "event.bot_id").orElse(null));
    }

    private static SlackEvent message(JsonObject root) throws MalformedEventException {
        String team = string(root, "team_id");
        object(root, "event");
        String botId = optionalString(root, "event.bot_id").orElse(null);
        String subtype = optionalString(root, "event.subtype").orElse(null);
        // Edits, deletions and bot posts carry no top-level user; only a person's message must name one.
        String user = botId == null && subtype == null
                ? string(root, "event.user")
                : optionalString(root, "event.user").orElse(null);
        return new Message(team, string(root, "event.channel"), optionalString(root, "event.channel_type").orElse(""),
                user, text(root, "event.text"), string(root, "event.ts"), optionalString(root, "event.thread_ts").orElse(null),
                botId, subtype, appUserIds(root));
    }

    // "authorizations" names the installation the event is for; older envelopes only have "authed_users".
    private static List<String> appUserIds(JsonObject root) throws MalformedEventException {
        List<String> ids = new ArrayList<>();
        Optional<JsonArray> authorizations = optionalArray(root, "authorizations");
        if (authorizations.isPresent()) {
            for (JsonValue authorization : authorizations.get()) {
                if (authorization instanceof JsonObject granted && flag(granted, "is_bot")) {
                    optionalString(granted, "user_id").ifPresent(ids::add);
                }
            }
        }
        Optional<JsonArray> authedUsers = optionalArray(root, "authed_users");
        if (authedUsers.isPresent()) {
            for (JsonValue user : authedUsers.get()) {
                if (user instanceof JsonString id && !ids.contains(id.getString())) {
                    ids.add(id.getString());
                }
            }
        }
        return ids;
    }

    private static SlackEvent blockActions(JsonObject root) throws MalformedEventException {
        JsonArray actions = array(root, "actions");
        if (actions.isEmpty() || !(actions.get(0) instanceof JsonObject action)) {
            throw new MalformedEventException("required field 'actions' is empty");
        }
        // A select sends the chosen option; a button its own value.
        String value = optionalString(action, "selected_option.value")
                .or(() -> Optional.ofNullable(buttonValue(action)))
                .orElseThrow(() -> new MalformedEventException(
                        "required field 'actions.0.selected_option.value' is missing"));
        return new BlockActions(string(root, "team.id"), string(root, "user.id"),
                optionalString(root, "channel.id").orElse(null), string(action, "action_id"),
                optionalString(action, "block_id").orElse(null), value,
                optionalString(root, "container.message_ts").orElse(null),
                optionalString(root, "container.thread_ts").orElse(null));
    }

    private static String buttonValue(JsonObject action) {
        return action.get("value") instanceof JsonString value ? value.getString() : null;
    }
}
