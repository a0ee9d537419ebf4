package dev.switchboard.microagents.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.microagents.control.Microagent;
import dev.switchboard.microagents.control.MicroagentLoadError;
import dev.switchboard.microagents.control.MicroagentMatch;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Agents, matches and load errors as the microagents API writes them. */
final class MicroagentJson {

    private MicroagentJson() {
    }

    static JsonObjectBuilder agent(Microagent agent) {
        JsonArrayBuilder triggers = Json.createArrayBuilder();
        agent.triggers().forEach(triggers::add);
        JsonArrayBuilder inputs = Json.createArrayBuilder();
        agent.inputs().forEach(input -> inputs.add(nullable(Json.createObjectBuilder().add("name", input.name()),
                "description", input.description())));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", agent.name())
                .add("type", agent.type().id())
                .add("source", agent.source().id())
                .add("file", agent.file())
                .add("triggers", triggers)
                .add("inputs", inputs);
        nullable(json, "version", agent.version());
        return json;
    }

    static JsonObjectBuilder match(MicroagentMatch match) {
        JsonObjectBuilder json = agent(match.agent());
        nullable(json, "matchedTrigger", match.trigger());
        JsonArrayBuilder missing = Json.createArrayBuilder();
        match.missing().forEach(missing::add);
        return json.add("missingInputs", missing);
    }

    static JsonArrayBuilder errors(List<MicroagentLoadError> errors) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (MicroagentLoadError e : errors) {
            array.add(Json.createObjectBuilder().add("source", e.source().id()).add("file", e.file())
                    .add("line", e.line()).add("error", e.describe()));
        }
        return array;
    }
}
