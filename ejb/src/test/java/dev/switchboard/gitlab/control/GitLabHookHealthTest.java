package dev.switchboard.gitlab.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gitlab.control.GitLabHookHealth.Action;
import dev.switchboard.gitlab.control.GitLabHookHealth.Check;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.ResourceType;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The re-check's decisions on GitLab's answers, read from hooks as GET /projects/:id/hooks/:hook_id returns them. */
class GitLabHookHealthTest {

    /** Before the temporarily disabled fixture's disabled_until (2026-11-28T04:16:00Z). */
    private static final Instant NOW = Instant.parse("2026-11-28T03:30:00Z");

    private static String fixture(String name) {
        try (InputStream in = GitLabHookHealthTest.class.getResourceAsStream("/fixtures/gitlab/hooks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject hook(String name) {
        return Json.createReader(new StringReader(fixture(name))).readObject();
    }

    private static Check of(String fixture) {
        return GitLabHookHealth.of(ResourceType.PROJECT, 200, hook(fixture), NOW);
    }

    @Test
    void anExecutableHookIsKept() {
        Check check = of("project_hook.executable.json");
        assertThat(check.action()).isEqualTo(Action.KEEP);
        assertThat(check.reason()).isEqualTo("hook seen at GitLab");
    }

    @Test
    void aGitLabBeforeAlertStatusNeverDisablesHooks() {
        assertThat(of("project_hook.before_alert_status.json").action()).isEqualTo(Action.KEEP);
    }

    @Test
    void aTemporarilyDisabledHookIsReEnabledAndTheReasonSaysUntilWhen() {
        Check check = of("project_hook.temporarily_disabled.json");
        assertThat(check.action()).isEqualTo(Action.REENABLE);
        assertThat(check.reason()).contains("failed deliveries").contains("until 2026-11-28T04:16:00Z");
    }

    @Test
    void aBackOffThatEndedIsNoLongerADisabledHook() {
        Check check = GitLabHookHealth.of(ResourceType.PROJECT, 200, hook("project_hook.temporarily_disabled.json"),
                Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(check.action()).isEqualTo(Action.KEEP);
    }

    @Test
    void aPermanentlyDisabledHookIsReEnabled() {
        Check check = of("project_hook.disabled.json");
        assertThat(check.action()).isEqualTo(Action.REENABLE);
        assertThat(check.reason()).contains("for good");
    }

    @Test
    void aHookThatIsGoneIsInstalledAgain() {
        Check check = GitLabHookHealth.of(ResourceType.PROJECT, 404, null, NOW);
        assertThat(check.action()).isEqualTo(Action.REINSTALL);
    }

    @Test
    void forbiddenMeansTheUserLostTheAccessItNeeds() {
        assertThat(GitLabHookHealth.of(ResourceType.PROJECT, 403, null, NOW))
                .isEqualTo(new Check(Action.LOST_ACCESS, "the linked user needs Maintainer access to install a hook"));
        assertThat(GitLabHookHealth.of(ResourceType.GROUP, 403, null, NOW).reason()).contains("Owner");
    }

    @Test
    void rateLimitedIsTriedAgain() {
        assertThat(GitLabHookHealth.of(ResourceType.GROUP, 429, null, NOW).action()).isEqualTo(Action.RATE_LIMITED);
    }

    @Test
    void aRefusedTokenOrAServerErrorSaysNothingAboutTheHook() {
        Check unauthorized = GitLabHookHealth.of(ResourceType.PROJECT, 401, null, NOW);
        assertThat(unauthorized.action()).isEqualTo(Action.UNANSWERED);
        assertThat(unauthorized.reason()).contains("401");
        assertThat(GitLabHookHealth.of(ResourceType.PROJECT, 502, null, NOW).reason()).isEqualTo("not checked: GitLab answered HTTP 502");
    }

    @Test
    void aTestDeliveryThatReachedUsReEnabledTheHook() {
        GitLabHookPlan.Verdict verdict = GitLabHookHealth.afterTest(201, null, of("project_hook.disabled.json"));
        assertThat(verdict.status()).isEqualTo(Status.VERIFIED);
        assertThat(verdict.reason()).startsWith("re-enabled: GitLab disabled the hook for good");
    }

    @Test
    void aFailedTestDeliveryLeavesTheHookDisabledWithGitLabsAnswer() {
        String message = GitLabHookHealth.message(hook("test_failed.connection.json"));
        GitLabHookPlan.Verdict verdict = GitLabHookHealth.afterTest(422, message, of("project_hook.temporarily_disabled.json"));
        assertThat(verdict.status()).isEqualTo(Status.DISABLED);
        assertThat(verdict.reason())
                .contains("until 2026-11-28T04:16:00Z")
                .contains("HTTP 422: Failed to open TCP connection to switchboard.example.com:443")
                .contains("Settings → Webhooks → Test");
        assertThat(verdict.reason().length()).isLessThan(2000); // the column's size
    }

    @Test
    void theIntakesOwnRefusalComesBackAsGitLabsMessage() {
        assertThat(GitLabHookHealth.message(hook("test_failed.http_403.json")))
                .isEqualTo("{\"error\":\"request signature could not be verified\"}");
        assertThat(GitLabHookHealth.message(hook("not_found.json"))).isEqualTo("404 Not found");
    }

    @Test
    void aRateLimitedTestIsTriedAgainAndALongMessageIsShortened() {
        Check disabled = of("project_hook.disabled.json");
        assertThat(GitLabHookHealth.afterTest(429, null, disabled).status()).isEqualTo(Status.RATE_LIMITED);
        GitLabHookPlan.Verdict verdict = GitLabHookHealth.afterTest(422, "x".repeat(5000), disabled);
        assertThat(verdict.reason().length()).isLessThan(1000);
        assertThat(GitLabHookHealth.afterTest(422, "", disabled).reason()).contains("(HTTP 422)");
    }
}
