package dev.switchboard.gitlab.control;

import dev.switchboard.gitlab.entity.GitLabHookInstallation.ResourceType;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.Status;
import dev.switchboard.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The seed's flowchart for one project or group, as pure decisions: does the resource exist, may the
 * user install hooks on it, is our hook already there, else what to install.
 */
public final class GitLabHookPlan {

    /** GitLab's access levels: Maintainer may manage project hooks, only Owner group hooks. */
    static final int MAINTAINER = 40;
    static final int OWNER = 50;

    private GitLabHookPlan() {
    }

    /** A decision that ends the flow for this resource (installing is the only other way on). */
    public record Verdict(Status status, String reason, Long hookId) {
    }

    public static int requiredAccess(ResourceType type) {
        return type == ResourceType.GROUP ? OWNER : MAINTAINER;
    }

    public static Optional<Verdict> missing(ResourceType type, int status) {
        if (status == 404) {
            return Optional.of(new Verdict(Status.INVALID, name(type) + " no longer exists or is not visible", null));
        }
        return Optional.empty();
    }

    public static Optional<Verdict> access(ResourceType type, int memberStatus, int accessLevel) {
        if (memberStatus == 404 || accessLevel < requiredAccess(type)) {
            return Optional.of(accessNeeded(type));
        }
        return Optional.empty();
    }

    /** The user may not manage the resource's hooks (any more). */
    public static Verdict accessNeeded(ResourceType type) {
        return new Verdict(Status.INVALID, "the linked user needs "
                + (type == ResourceType.GROUP ? "Owner" : "Maintainer") + " access to install a hook", null);
    }

    /** GitLab's 429, or a rate-limit wait too long to sleep: the next sync or re-check tries again. */
    public static Optional<Verdict> rateLimited(int status) {
        return status == 429 ? Optional.of(rateLimited()) : Optional.empty();
    }

    public static Verdict rateLimited() {
        return new Verdict(Status.RATE_LIMITED, "GitLab's rate limit: tried again at the next sync or re-check", null);
    }

    /** Our hook, if the list has one whose URL is our intake URL. */
    public static Optional<Verdict> existing(JsonArray hooks, String intakeUrl) {
        for (JsonValue value : hooks) {
            JsonObject hook = value.asJsonObject();
            if (intakeUrl.equals(hook.getString("url", null))) {
                return Optional.of(new Verdict(Status.VERIFIED, "hook already installed",
                        hook.getJsonNumber("id").longValue()));
            }
        }
        return Optional.empty();
    }

    /**
     * The hook to create: our intake URL, its own secret token, TLS verification, the custom header that
     * names our record, and the events the seed subscribes to.
     */
    public static JsonObject hook(String intakeUrl, String secret, String recordId) {
        return Jsons.createObjectBuilder()
                .add("url", intakeUrl)
                .add("name", "Switchboard")
                .add("description", "Switchboard: @mentions of the coding agent")
                .add("token", secret)
                .add("enable_ssl_verification", true)
                .add("note_events", true)
                .add("confidential_note_events", true)
                .add("issues_events", true)
                .add("confidential_issues_events", true)
                .add("merge_requests_events", true)
                .add("pipeline_events", true)
                .add("job_events", true)
                .add("push_events", false)
                .add("custom_headers", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder()
                        .add("key", dev.switchboard.gitlab.entity.GitLabHookInstallation.HOOK_HEADER)
                        .add("value", recordId)))
                .build();
    }

    private static String name(ResourceType type) {
        return type == ResourceType.GROUP ? "the group" : "the project";
    }
}
