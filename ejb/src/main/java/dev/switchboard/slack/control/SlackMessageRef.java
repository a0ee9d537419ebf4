package dev.switchboard.slack.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** One message in Slack (workspace, channel, its ts): what a reaction goes on and what {@code chat.update} replaces. */
public record SlackMessageRef(String team, String channel, String ts) {

    public static SlackMessageRef from(String json) {
        try {
            JsonObject target = Jsons.createReader(new StringReader(json)).readObject();
            return new SlackMessageRef(target.getString("team"), target.getString("channel"), target.getString("ts"));
        } catch (JsonException | NullPointerException | ClassCastException e) {
            throw new IllegalArgumentException("not a Slack message reference: " + json, e);
        }
    }

    public JsonObject toJson() {
        return Jsons.createObjectBuilder().add("team", team).add("channel", channel).add("ts", ts).build();
    }
}
