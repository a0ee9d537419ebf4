package dev.switchboard.microagents.boundary;

import dev.switchboard.accounts.boundary.CurrentUser;
import dev.switchboard.json.Jsons;
import dev.switchboard.microagents.control.Instructions;
import dev.switchboard.microagents.control.Microagents;
import dev.switchboard.microagents.control.RepositoryAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What a message would include from a repository's microagents, as the signed-in user's linked account sees them:
 * {@code POST /api/microagents/match}.
 */
@Path("microagents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MicroagentsResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    RepositoryCredentials credentials;

    @Inject
    Microagents microagents;

    /**
     * Body {@code {"provider": "github", "repository": "owner/repo", "ref": "main", "message": "...",
     * "thread": ["earlier message", ...]}} ({@code ref} and {@code thread} optional).
     */
    @POST
    @Path("match")
    @Consumes(MediaType.APPLICATION_JSON)
    public String match(String body) {
        String userId = currentUser.require().getId();
        JsonObject request = object(body);
        // the whole request is checked before a token is looked up or a platform called
        String message = text(request, "message", true);
        String provider = text(request, "provider", true);
        String repository = text(request, "repository", true);
        String ref = blankToNull(text(request, "ref", false));
        List<String> thread = thread(request);
        RepositoryAccess access = credentials.forUser(userId, provider, repository, null);
        Instructions instructions = microagents.instructions(access, ref, message, thread);
        JsonArrayBuilder agents = Jsons.createArrayBuilder();
        instructions.included().forEach(match -> agents.add(MicroagentJson.match(match)));
        return Jsons.createObjectBuilder().add("repository", access.fullName()).add("provider", access.platform().id())
                .add("commit", instructions.commit()).add("agents", agents)
                .add("instructions", instructions.text())
                .add("errors", MicroagentJson.errors(instructions.errors())).build().toString();
    }

    private static JsonObject object(String body) {
        try (var reader = Jsons.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new BadRequestException("the body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new BadRequestException("the body is not valid JSON");
        }
    }

    private static String text(JsonObject request, String name, boolean required) {
        JsonValue value = request.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new BadRequestException("'" + name + "' is required");
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new BadRequestException("'" + name + "' must be a string");
        }
        String text = ((JsonString) value).getString();
        if (required && text.isBlank()) {
            throw new BadRequestException("'" + name + "' must not be empty");
        }
        return text;
    }

    private static List<String> thread(JsonObject request) {
        JsonValue value = request.get("thread");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY
                || value.asJsonArray().stream().anyMatch(v -> v.getValueType() != JsonValue.ValueType.STRING)) {
            throw new BadRequestException("'thread' must be a list of messages, oldest first");
        }
        List<String> thread = new ArrayList<>();
        value.asJsonArray().forEach(v -> thread.add(((JsonString) v).getString()));
        return thread;
    }

    static String blankToNull(String ref) {
        return ref == null || ref.isBlank() ? null : ref;
    }
}
