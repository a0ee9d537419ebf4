package dev.switchboard.microagents.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.json.Jsons;
import dev.switchboard.microagents.control.Microagent;
import dev.switchboard.microagents.control.MicroagentLoadError;
import dev.switchboard.microagents.control.MicroagentMatch;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Agents, matches and load errors as the microagents API writes them. */
final class MicroagentJson {

    private MicroagentJson() {
    }

    static JsonObjectBuilder agent(Microagent agent) {
        JsonArrayBuilder triggers = Jsons.createArrayBuilder();
        agent.triggers().forEach(triggers::add);
        JsonArrayBuilder inputs = Jsons.createArrayBuilder();
        agent.inputs().forEach(input -> inputs.add(nullable(Jsons.createObjectBuilder().add("name", input.name()),
                "description", input.description())));
        JsonObjectBuilder json = Jsons.createObjectBuilder()
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
        JsonArrayBuilder missing = Jsons.createArrayBuilder();
        match.missing().forEach(missing::add);
        return json.add("missingInputs", missing);
    }

    static JsonArrayBuilder errors(List<MicroagentLoadError> errors) {
        JsonArrayBuilder array = Jsons.createArrayBuilder();
        for (MicroagentLoadError e : errors) {
            array.add(Jsons.createObjectBuilder().add("source", e.source().id()).add("file", e.file())
                    .add("line", e.line()).add("error", e.describe()));
        }
        return array;
    }
}
