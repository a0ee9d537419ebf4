package dev.switchboard.gitlab.control;

import dev.switchboard.gitlab.entity.GitLabHookInstallation.ResourceType;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.Status;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The periodic re-check of an installed hook, as pure decisions: what GitLab's answer to
 * {@code GET .../hooks/:hook_id} means, and what the test delivery that should re-enable a disabled hook
 * achieved.
 * <p>
 * GitLab disables a hook whose deliveries keep failing and reports it in {@code alert_status}:
 * {@code temporarily_disabled} (after 4 failures, with a back-off until {@code disabled_until} that grows to a
 * day) and {@code disabled} (for good, after 40). Editing a hook does not reset that; a test delivery answered
 * 2xx does ({@code POST .../hooks/:hook_id/test/:trigger}), so a disabled hook gets one at every re-check.
 */
public final class GitLabHookHealth {

    /**
     * The trigger of the test delivery. GitLab builds a push sample for any project, even one with an empty
     * repository, whereas note, issue and merge request samples need such an object to exist. Intake accepts
     * the push under the hook's secret and the manager ignores it.
     */
    public static final String TEST_TRIGGER = "push_events";

    private static final int MAX_MESSAGE = 300;

    private GitLabHookHealth() {
    }

    /** What the re-check does next. */
    public enum Action {
        /** The hook is there and GitLab delivers to it. */
        KEEP,
        /** GitLab disabled the hook after failed deliveries: send a test delivery. */
        REENABLE,
        /** The hook, the resource or the user's view of it is gone: the installation flow decides which, and installs again. */
        REINSTALL,
        /** The user may no longer manage the resource's hooks. */
        LOST_ACCESS,
        /** GitLab's rate limit: the next round tries again. */
        RATE_LIMITED,
        /** No answer worth acting on (401, 5xx): the record keeps its status, the reason says why. */
        UNANSWERED
    }

    public record Check(Action action, String reason) {
    }

    /** @param hook the hook's JSON when {@code status} is 200, else null */
    public static Check of(ResourceType type, int status, JsonObject hook, Instant now) {
        switch (status) {
            case 200:
                return ofHook(hook, now);
            case 404:
                return new Check(Action.REINSTALL, "the hook is gone at GitLab");
            case 403:
                return new Check(Action.LOST_ACCESS, GitLabHookPlan.accessNeeded(type).reason());
            case 429:
                return new Check(Action.RATE_LIMITED, GitLabHookPlan.rateLimited().reason());
            case 401:
                return new Check(Action.UNANSWERED, "not checked: GitLab refused the installing user's token (HTTP 401)");
            default:
                return new Check(Action.UNANSWERED, "not checked: GitLab answered HTTP " + status);
        }
    }

    private static Check ofHook(JsonObject hook, Instant now) {
        // alert_status came with GitLab 15.1; an older GitLab never disables hooks
        String alert = hook.getString("alert_status", "executable");
        Instant until = disabledUntil(hook);
        switch (alert) {
            case "temporarily_disabled":
                if (until != null && !until.isAfter(now)) {
                    return new Check(Action.KEEP, "hook seen at GitLab; its back-off after failed deliveries ended at " + until);
                }
                return new Check(Action.REENABLE, "GitLab disabled the hook after failed deliveries"
                        + (until != null ? " until " + until : ""));
            case "disabled":
                return new Check(Action.REENABLE, "GitLab disabled the hook for good after repeated failed deliveries");
            default:
                return new Check(Action.KEEP, "hook seen at GitLab");
        }
    }

    /** Where a disabled hook stands after its test delivery: GitLab answers 201 when it reached us (and re-enabled the hook), 422 with why not. */
    public static GitLabHookPlan.Verdict afterTest(int status, String message, Check disabled) {
        if (status / 100 == 2) {
            return new GitLabHookPlan.Verdict(Status.VERIFIED, "re-enabled: " + disabled.reason()
                    + ", and a test delivery reached Switchboard", null);
        }
        if (status == 429) {
            return GitLabHookPlan.rateLimited();
        }
        String answer = "HTTP " + status + (message == null || message.isBlank() ? "" : ": " + shorten(message));
        return new GitLabHookPlan.Verdict(Status.DISABLED, disabled.reason() + "; the test delivery that would re-enable it"
                + " failed (" + answer + "). Tried again at every re-check; once Switchboard's intake answers, GitLab's"
                + " Settings → Webhooks → Test re-enables it too", null);
    }

    /** GitLab's {@code message} of an error answer, which may be a string or an object of field errors. */
    public static String message(JsonObject error) {
        JsonValue message = error.get("message");
        if (message == null) {
            return error.getString("error", null);
        }
        return message.getValueType() == JsonValue.ValueType.STRING ? error.getString("message") : message.toString();
    }

    private static Instant disabledUntil(JsonObject hook) {
        if (!(hook.get("disabled_until") instanceof JsonString until)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(until.getString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
