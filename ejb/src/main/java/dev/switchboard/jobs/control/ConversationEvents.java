package dev.switchboard.jobs.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the agent's state and its last message from an OpenHands event page ({@code {"events":[...]}}):
 * the newest {@code agent_state_changed} observation ({@code extras.agent_state}) gives the state; the newest
 * agent {@code finish} action ({@code args.final_thought}) or agent {@code message} action
 * ({@code args.content}) gives the message. Events are ordered by their {@code id}, whatever order the page
 * came in. A user message newer than the newest state (a follow-up the agent has not answered yet) means
 * {@link AgentState#RUNNING}: the state before it is the previous turn's, already told.
 */
public final class ConversationEvents {

    private ConversationEvents() {
    }

    /** Empty when the page holds no state the user should hear about yet. */
    public static Optional<AgentReport> report(JsonObject page) {
        List<JsonObject> events = newestFirst(page);
        AgentState state = null;
        for (JsonObject event : events) {
            if (isUserMessage(event)) {
                // a message newer than every state (a follow-up): the states seen belong to the turn before it
                state = AgentState.RUNNING;
                break;
            }
            if ("agent_state_changed".equals(event.getString("observation", null))) {
                JsonObject extras = object(event, "extras");
                Optional<AgentState> read = AgentState.fromWire(extras == null ? null : extras.getString("agent_state", null));
                if (read.isPresent()) {
                    state = read.get();
                    break;
                }
            }
        }
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(new AgentReport(state, lastAgentMessage(events)));
    }

    private static boolean isUserMessage(JsonObject event) {
        return "user".equals(event.getString("source", null)) && "message".equals(event.getString("action", null));
    }

    private static String lastAgentMessage(List<JsonObject> newestFirst) {
        for (JsonObject event : newestFirst) {
            if (!"agent".equals(event.getString("source", null))) {
                continue;
            }
            String action = event.getString("action", null);
            JsonObject args = object(event, "args");
            if (args == null) {
                continue;
            }
            String text = null;
            if ("finish".equals(action)) {
                text = args.getString("final_thought", null);
                if (text == null || text.isBlank()) {
                    text = event.getString("message", null);
                }
            } else if ("message".equals(action)) {
                text = args.getString("content", null);
            }
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return null;
    }

    private static List<JsonObject> newestFirst(JsonObject page) {
        JsonValue value = page.get("events");
        List<JsonObject> events = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonObject event) {
                    events.add(event);
                }
            }
        }
        events.sort(Comparator.comparingLong(ConversationEvents::id).reversed());
        return events;
    }

    private static long id(JsonObject event) {
        JsonValue id = event.get("id");
        if (id instanceof jakarta.json.JsonNumber number) {
            return number.longValue();
        }
        if (id instanceof JsonString text) {
            try {
                return Long.parseLong(text.getString());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static JsonObject object(JsonObject event, String name) {
        JsonValue value = event.get(name);
        return value instanceof JsonObject object ? object : null;
    }
}
