package dev.switchboard.slack.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.ratelimits.control.Failure;
import dev.switchboard.ratelimits.control.RateLimitVerdict;
import dev.switchboard.ratelimits.control.RetryPolicy;
import dev.switchboard.deliveries.entity.Platform;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackResponsesTest {

    static final Instant NOW = Instant.parse("2025-11-04T10:00:00Z");

    static String okFalse(String error) {
        return "{\"ok\":false,\"error\":\"" + error + "\",\"warning\":\"missing_charset\"}";
    }

    static SlackApiException failing(int status, Map<String, List<String>> headers, String body) {
        return catchThrowableOfType(SlackApiException.class,
                () -> SlackResponses.check("chat.postMessage", status, headers, body, NOW));
    }

    @Test
    void okTrueReturnsTheObject() {
        JsonObject json = SlackResponses.check("chat.postMessage", 200, Map.of(),
                "{\"ok\":true,\"channel\":\"C0LAN2Q65\",\"ts\":\"1710937300.000400\"}", NOW);

        assertThat(json.getString("ts")).isEqualTo("1710937300.000400");
        assertThat(json.getString("channel")).isEqualTo("C0LAN2Q65");
    }

    @ParameterizedTest
    @CsvSource({
            "invalid_auth, SlackAuthException",
            "not_authed, SlackAuthException",
            "token_revoked, SlackAuthException",
            "token_expired, SlackAuthException",
            "account_inactive, SlackAuthException",
            "channel_not_found, SlackNotFoundException",
            "message_not_found, SlackNotFoundException",
            "user_not_found, SlackNotFoundException",
            "thread_not_found, SlackNotFoundException",
            "not_in_channel, SlackPermissionException",
            "missing_scope, SlackPermissionException",
            "restricted_action, SlackPermissionException",
            "is_archived, SlackPermissionException",
            "internal_error, SlackTransientException",
            "fatal_error, SlackTransientException",
            "service_unavailable, SlackTransientException",
            "request_timeout, SlackTransientException",
    })
    void mapsEveryListedCodeToItsType(String code, String type) {
        SlackApiException thrown = failing(200, Map.of(), okFalse(code));

        assertThat(thrown.getClass().getSimpleName()).isEqualTo(type);
        assertThat(thrown.error()).isEqualTo(code);
        assertThat(thrown.method()).isEqualTo("chat.postMessage");
        assertThat(thrown.status()).isEqualTo(200);
        assertThat(thrown.getMessage()).isEqualTo("Slack chat.postMessage failed: " + code + " (HTTP 200)");
    }

    @Test
    void anUnknownCodeIsTheBaseType() {
        SlackApiException thrown = failing(200, Map.of(), okFalse("msg_too_long"));

        assertThat(thrown.getClass()).isEqualTo(SlackApiException.class);
        assertThat(thrown.error()).isEqualTo("msg_too_long");
        assertThat(RetryPolicy.defaults(Platform.SLACK).retries(thrown.failure())).isFalse();
    }

    @Test
    void http429WithRetryAfterIsRateLimited() {
        SlackApiException thrown = failing(429, Map.of("Retry-After", List.of("30")), okFalse("ratelimited"));

        assertThat(thrown).isInstanceOf(SlackRateLimitedException.class);
        assertThat(((SlackRateLimitedException) thrown).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(((SlackRateLimitedException) thrown).verdict().scope()).isEqualTo(RateLimitVerdict.Scope.TOKEN);
        assertThat(thrown.error()).isEqualTo("ratelimited");
        assertThat(thrown.status()).isEqualTo(429);
    }

    @Test
    void http429WithoutABodyIsRateLimited() {
        SlackApiException thrown = failing(429, Map.of("retry-after", List.of("4")), "");

        assertThat(((SlackRateLimitedException) thrown).retryAfter()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void okFalseRatelimitedIn200IsRateLimitedAndRetriedAfterTheWait() {
        SlackApiException thrown = failing(200, Map.of("Retry-After", List.of("3")), okFalse("ratelimited"));

        assertThat(thrown).isInstanceOf(SlackRateLimitedException.class);
        assertThat(((SlackRateLimitedException) thrown).retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryPolicy.defaults(Platform.SLACK).delayBeforeRetry(1, thrown.failure(), () -> 0L))
                .contains(Duration.ofSeconds(3));
    }

    @Test
    void transientErrorsAreRetriedByTheSlackPolicy() {
        SlackApiException thrown = failing(200, Map.of(), okFalse("internal_error"));

        assertThat(thrown.failure()).isEqualTo(new Failure.SlackError("internal_error"));
        assertThat(RetryPolicy.defaults(Platform.SLACK).retries(thrown.failure())).isTrue();
    }

    @Test
    void a5xxWithoutAnEnvelopeIsTransient() {
        SlackApiException thrown = failing(503, Map.of(), "<html><body>Service Unavailable</body></html>");

        assertThat(thrown).isInstanceOf(SlackTransientException.class);
        assertThat(thrown.error()).isEqualTo("http_503");
        assertThat(((Failure.HttpStatus) thrown.failure()).status()).isEqualTo(503);
        assertThat(RetryPolicy.defaults(Platform.SLACK).retries(thrown.failure())).isTrue();
    }

    @Test
    void anotherNon2xxWithoutAnEnvelopeIsTheBaseType() {
        SlackApiException thrown = failing(404, Map.of(), "Not Found");

        assertThat(thrown.getClass()).isEqualTo(SlackApiException.class);
        assertThat(thrown.error()).isEqualTo("http_404");
        assertThat(RetryPolicy.defaults(Platform.SLACK).retries(thrown.failure())).isFalse();
    }

    @Test
    void garbageIn200IsMalformed() {
        assertThat(failing(200, Map.of(), "<html>").error()).isEqualTo(SlackApiException.MALFORMED_RESPONSE);
        assertThat(failing(200, Map.of(), "[]").error()).isEqualTo(SlackApiException.MALFORMED_RESPONSE);
        assertThat(failing(200, Map.of(), "{\"channel\":\"C1\"}").error()).isEqualTo(SlackApiException.MALFORMED_RESPONSE);
        assertThat(failing(200, Map.of(), null).error()).isEqualTo(SlackApiException.MALFORMED_RESPONSE);
    }

    @Test
    void okFalseWithoutAnErrorIsUnreadable() {
        assertThat(failing(200, Map.of(), "{\"ok\":false}").error()).isEqualTo(SlackApiException.UNREADABLE_ERROR);
    }

    @Test
    void theMessageNeverCarriesATokenEvenWhenSlackEchoesOne() {
        String token = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
        SlackApiException thrown = failing(200, Map.of(), "{\"ok\":false,\"error\":\"" + token + "\"}");

        assertThat(thrown.getMessage()).doesNotContain("xoxb").doesNotContain("pdFZKVeTuE8sk7oOcBrzbqgy");
        assertThat(thrown.error()).isEqualTo(SlackApiException.UNREADABLE_ERROR);
        assertThat(new SlackApiException("chat.postMessage?token=" + token, "invalid_auth", 200).getMessage())
                .doesNotContain("xoxb").isEqualTo("Slack unknown_method failed: invalid_auth (HTTP 200)");
        assertThat(new SlackApiException("auth.test", "xoxp_12345", 200).getMessage()).doesNotContain("xoxp");
    }
}
