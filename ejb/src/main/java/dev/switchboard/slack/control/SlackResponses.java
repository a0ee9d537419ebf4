package dev.switchboard.slack.control;

import dev.switchboard.json.Jsons;
import dev.switchboard.ratelimits.control.Failure;
import dev.switchboard.ratelimits.control.RateLimitHeaders;
import dev.switchboard.ratelimits.control.RateLimitVerdict;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Slack Web API answer: the JSON object when {@code ok:true}, otherwise the typed
 * {@link SlackApiException} for its {@code error}. Slack answers most failures with HTTP 200 and
 * {@code ok:false}, rate limits with HTTP 429 and {@code Retry-After}.
 */
public final class SlackResponses {

    static final Set<String> AUTH = Set.of("invalid_auth", "not_authed", "token_revoked", "token_expired",
            "account_inactive");
    static final Set<String> NOT_FOUND = Set.of("channel_not_found", "message_not_found", "user_not_found",
            "thread_not_found");
    static final Set<String> PERMISSION = Set.of("not_in_channel", "missing_scope", "restricted_action",
            "is_archived");

    private SlackResponses() {
    }

    public static JsonObject check(String method, int status, Map<String, List<String>> headers, String body) {
        return check(method, status, headers, body, Instant.now());
    }

    /** @param now the clock for an HTTP-date {@code Retry-After} */
    public static JsonObject check(String method, int status, Map<String, List<String>> headers, String body,
            Instant now) {
        Optional<JsonObject> envelope = envelope(body);
        Optional<String> error = envelope.filter(json -> json.get("ok") == JsonValue.FALSE)
                .map(json -> json.get("error") instanceof JsonString code ? code.getString()
                        : SlackApiException.UNREADABLE_ERROR);
        if (status == 429 || error.filter(Failure.SlackError.RATELIMITED::equals).isPresent()) {
            RateLimitVerdict verdict = RateLimitHeaders.slack(429, headers, body, now);
            throw new SlackRateLimitedException(method, status, (RateLimitVerdict.Wait) verdict);
        }
        if (error.isPresent()) {
            throw forCode(method, error.get(), status);
        }
        if (status >= 500 && status <= 599) {
            throw new SlackTransientException(method, "http_" + status, status);
        }
        if (status < 200 || status > 299) {
            throw new SlackApiException(method, "http_" + status, status);
        }
        if (envelope.isEmpty() || envelope.get().get("ok") != JsonValue.TRUE) {
            throw new SlackApiException(method, SlackApiException.MALFORMED_RESPONSE, status);
        }
        return envelope.get();
    }

    static SlackApiException forCode(String method, String error, int status) {
        if (AUTH.contains(error)) {
            return new SlackAuthException(method, error, status);
        }
        if (NOT_FOUND.contains(error)) {
            return new SlackNotFoundException(method, error, status);
        }
        if (PERMISSION.contains(error)) {
            return new SlackPermissionException(method, error, status);
        }
        if (Failure.SlackError.TRANSIENT_CODES.contains(error)) {
            return new SlackTransientException(method, error, status);
        }
        return new SlackApiException(method, error, status);
    }

    private static Optional<JsonObject> envelope(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
            return reader.readValue() instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (RuntimeException e) {
            // a proxy's HTML error page, a truncated body: no envelope
            return Optional.empty();
        }
    }
}
