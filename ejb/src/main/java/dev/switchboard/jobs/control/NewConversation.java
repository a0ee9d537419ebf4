package dev.switchboard.jobs.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;

/**
 * What the agent server needs to start a conversation (contract, "Agent server").
 *
 * @param branch       null for the repository's default branch
 * @param instructions the microagent instructions; empty when there are none
 */
public record NewConversation(String prompt, String repository, String gitProvider, String branch,
                              String instructions) {

    public NewConversation {
        Objects.requireNonNull(prompt);
        Objects.requireNonNull(gitProvider);
        instructions = instructions == null ? "" : instructions;
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("initial_user_msg", prompt)
                .add("git_provider", gitProvider)
                .add("conversation_instructions", instructions);
        if (repository == null) {
            json.addNull("repository");
        } else {
            json.add("repository", repository);
        }
        if (branch == null) {
            json.addNull("selected_branch");
        } else {
            json.add("selected_branch", branch);
        }
        return json.build();
    }
}
