package dev.switchboard.slack.control;

import dev.switchboard.clients.control.PlatformClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Who a Slack user is by name ({@code users.info}, scope {@code users:read}), so the agent's prompt says "Mia
 * Jensen" instead of an opaque {@code U0MIA}. Read once per job start and kept nowhere. A name is a nicety:
 * an app without the scope, or a user Slack does not find, leaves the prompt with the id; rate limits and
 * outages propagate like the thread read's (the start is retried), they never fail the job.
 */
@ApplicationScoped
public class SlackUsers {

    private static final Logger LOG = Logger.getLogger(SlackUsers.class.getName());

    @Inject
    PlatformClients clients;

    public Optional<String> displayName(String authorization, String userId) {
        JsonObject answer;
        try (Response r = clients.slack().userInfo(authorization, userId)) {
            answer = SlackResponses.check("users.info", r.getStatus(), r.getStringHeaders(), r.readEntity(String.class));
        } catch (SlackPermissionException | SlackNotFoundException e) {
            LOG.info(() -> "users.info for " + userId + " refused (" + e.error() + "): the prompt names the id");
            return Optional.empty();
        }
        return displayName(answer);
    }

    /** The profile's display name, else the real name: what Slack itself shows for the person. */
    static Optional<String> displayName(JsonObject answer) {
        JsonObject user = object(answer, "user");
        JsonObject profile = user == null ? null : object(user, "profile");
        return first(profile, "display_name").or(() -> first(profile, "real_name"))
                .or(() -> first(user, "real_name"));
    }

    private static JsonObject object(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    }

    private static Optional<String> first(JsonObject object, String name) {
        return object == null ? Optional.empty()
                : Optional.ofNullable(object.getString(name, null)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
