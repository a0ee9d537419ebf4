package dev.switchboard.slack.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Where a Slack post goes: a thread of a channel in a workspace, and the user it answers (for ephemerals). */
public record SlackTarget(String team, String channel, String threadTs, String user) {

    public static SlackTarget from(String json) {
        try {
            JsonObject target = Jsons.createReader(new StringReader(json)).readObject();
            return new SlackTarget(target.getString("team"), target.getString("channel"),
                    target.getString("thread_ts"), target.getString("user"));
        } catch (JsonException | NullPointerException | ClassCastException e) {
            throw new IllegalArgumentException("not a Slack notice target: " + json, e);
        }
    }

    public JsonObject toJson() {
        return Jsons.createObjectBuilder().add("team", team).add("channel", channel).add("thread_ts", threadTs)
                .add("user", user).build();
    }
}
