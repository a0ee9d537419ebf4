package dev.switchboard.github.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Where a pull request's changes live, from GitHub's pull request object ({@code head} and {@code base}, each with
 * {@code ref} and {@code repo.full_name}).
 *
 * @param headRepository null when the fork the pull request came from was deleted
 */
public record GitHubPullRequest(long number, String headRef, String headRepository, String baseRef,
                                String baseRepository) {

    static GitHubPullRequest from(JsonObject pullRequest) {
        JsonObject head = object(pullRequest, "head");
        JsonObject base = object(pullRequest, "base");
        return new GitHubPullRequest(pullRequest.getJsonNumber("number").longValue(), head.getString("ref", null),
                repository(head), base.getString("ref", null), repository(base));
    }

    /** The head branch is in another repository (a fork, or a deleted one), which the agent's clone does not have. */
    public boolean fromFork() {
        return headRepository == null || !headRepository.equalsIgnoreCase(baseRepository);
    }

    /**
     * The branch the conversation starts on ({@code selected_branch}): the head branch, where the changes are and
     * where the agent can push. A fork's head branch is not in the repository the agent clones, so such a job
     * starts on the base branch, and the prompt says how to fetch the changes ({@code pull/N/head}).
     */
    public String startBranch() {
        return fromFork() ? baseRef : headRef;
    }

    private static JsonObject object(JsonObject parent, String name) {
        return parent.get(name) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String repository(JsonObject side) {
        return side.get("repo") instanceof JsonObject repo ? repo.getString("full_name", null) : null;
    }
}
