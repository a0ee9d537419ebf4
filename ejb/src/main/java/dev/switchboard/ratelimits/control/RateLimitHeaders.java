package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.json.Jsons;
import dev.switchboard.ratelimits.control.RateLimitVerdict.Scope;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the rate-limit signals of each platform's responses into a {@link RateLimitVerdict}. Header values
 * come from outside: a malformed one is ignored (the next signal, or none, applies), nothing here throws,
 * and a reset time in the past gives a zero wait. {@code now} is a parameter so that reset times can be
 * tested; callers pass {@code Instant.now()}.
 *
 * <p>Precedence, per platform, follows the platforms' documentation: an explicit {@code Retry-After} first
 * (it is the most specific), then the platform's reset time. {@code Retry-After} on a 503 is honoured for
 * every platform (RFC 9110), as a {@link Scope#GLOBAL} wait since it speaks for the whole service.
 */
public final class RateLimitHeaders {

    /** GitHub: "if no retry-after header, and remaining is not 0, wait at least one minute". */
    public static final Duration GITHUB_SECONDARY_DEFAULT = Duration.ofSeconds(60);
    /** Slack always states Retry-After on a 429; if a proxy drops it, one per-minute tier window. */
    public static final Duration SLACK_DEFAULT = Duration.ofSeconds(60);

    private static final Pattern DELTA_SECONDS = Pattern.compile("-?\\d{1,12}");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

    private RateLimitHeaders() {
    }

    public static RateLimitVerdict parse(Platform platform, int status, Map<String, List<String>> headers,
            String body, Instant now) {
        return switch (platform) {
            case GITHUB -> github(status, headers, body, now);
            case GITLAB -> gitlab(status, headers, now);
            case JIRA -> jira(status, headers, now);
            case SLACK -> slack(status, headers, body, now);
            case STRIPE -> stripe(status, headers, now);
        };
    }

    /**
     * GitHub answers a primary limit with 403 or 429 and {@code x-ratelimit-remaining: 0}, a secondary limit
     * with 403 or 429 and a body mentioning it (older responses: "abuse detection"), sometimes with
     * {@code Retry-After}. A 403 with none of these is a real permission error.
     */
    public static RateLimitVerdict github(int status, Map<String, List<String>> headers, String body, Instant now) {
        if (status != 403 && status != 429) {
            return serviceUnavailable(status, headers, now);
        }
        boolean exhausted = ResponseHeaders.first(headers, "x-ratelimit-remaining").filter("0"::equals).isPresent();
        boolean secondary = mentionsSecondaryLimit(body) || !exhausted;
        Optional<Duration> retryAfter = retryAfter(headers, now);
        if (retryAfter.isPresent()) {
            return RateLimitVerdict.wait(retryAfter.get(), Scope.TOKEN, secondary
                    ? "GitHub secondary rate limit (Retry-After)"
                    : "GitHub primary rate limit exhausted (Retry-After)");
        }
        if (exhausted && !mentionsSecondaryLimit(body)) {
            Optional<Instant> reset = ResponseHeaders.first(headers, "x-ratelimit-reset")
                    .flatMap(RateLimitHeaders::epochSeconds);
            return reset.map(at -> RateLimitVerdict.wait(Duration.between(now, at), Scope.TOKEN,
                    "GitHub primary rate limit exhausted (x-ratelimit-reset)"))
                    .orElseGet(() -> RateLimitVerdict.wait(GITHUB_SECONDARY_DEFAULT, Scope.TOKEN,
                            "GitHub primary rate limit exhausted (no readable reset, waiting a minute)"));
        }
        if (mentionsSecondaryLimit(body) || status == 429) {
            return RateLimitVerdict.wait(GITHUB_SECONDARY_DEFAULT, Scope.TOKEN,
                    "GitHub secondary rate limit (no Retry-After, waiting a minute)");
        }
        return RateLimitVerdict.none();
    }

    /** GitLab on 429: {@code Retry-After}, {@code RateLimit-Reset} (epoch seconds), {@code RateLimit-ResetTime}. */
    public static RateLimitVerdict gitlab(int status, Map<String, List<String>> headers, Instant now) {
        if (status != 429) {
            return serviceUnavailable(status, headers, now);
        }
        Optional<Duration> retryAfter = retryAfter(headers, now);
        if (retryAfter.isPresent()) {
            return RateLimitVerdict.wait(retryAfter.get(), Scope.TOKEN, "GitLab rate limit (Retry-After)");
        }
        Optional<Instant> reset = ResponseHeaders.first(headers, "RateLimit-Reset")
                .flatMap(RateLimitHeaders::epochSeconds);
        if (reset.isPresent()) {
            return RateLimitVerdict.wait(Duration.between(now, reset.get()), Scope.TOKEN,
                    "GitLab rate limit (RateLimit-Reset)");
        }
        return ResponseHeaders.first(headers, "RateLimit-ResetTime").flatMap(RateLimitHeaders::httpDate)
                .map(at -> RateLimitVerdict.wait(Duration.between(now, at), Scope.TOKEN,
                        "GitLab rate limit (RateLimit-ResetTime)"))
                .orElse(RateLimitVerdict.none());
    }

    /** Jira (Cloud and Data Center) on 429: {@code Retry-After}, then {@code X-RateLimit-Reset} (ISO-8601). */
    public static RateLimitVerdict jira(int status, Map<String, List<String>> headers, Instant now) {
        if (status != 429) {
            return serviceUnavailable(status, headers, now);
        }
        Optional<Duration> retryAfter = retryAfter(headers, now);
        if (retryAfter.isPresent()) {
            return RateLimitVerdict.wait(retryAfter.get(), Scope.TOKEN, "Jira rate limit (Retry-After)");
        }
        return ResponseHeaders.first(headers, "X-RateLimit-Reset").flatMap(RateLimitHeaders::isoTimestamp)
                .map(at -> RateLimitVerdict.wait(Duration.between(now, at), Scope.TOKEN,
                        "Jira rate limit (X-RateLimit-Reset)"))
                .orElse(RateLimitVerdict.none());
    }

    /**
     * Slack: HTTP 429 with {@code Retry-After} in seconds, or {@code ok:false, error:ratelimited}. Slack's
     * limits are per method and workspace; the scope is the bot token, the caller knows the method.
     */
    public static RateLimitVerdict slack(int status, Map<String, List<String>> headers, String body, Instant now) {
        if (status != 429 && !"ratelimited".equals(slackError(body).orElse(""))) {
            return serviceUnavailable(status, headers, now);
        }
        return retryAfter(headers, now)
                .map(wait -> RateLimitVerdict.wait(wait, Scope.TOKEN, "Slack rate limit (Retry-After)"))
                .orElseGet(() -> RateLimitVerdict.wait(SLACK_DEFAULT, Scope.TOKEN,
                        "Slack rate limit (no Retry-After, waiting one tier window)"));
    }

    /**
     * Stripe on 429: {@code Retry-After} when present (whether to retry at all is {@code Stripe-Should-Retry},
     * read by the retry policy). One secret key serves all of Switchboard, so the limit is global.
     */
    public static RateLimitVerdict stripe(int status, Map<String, List<String>> headers, Instant now) {
        if (status != 429) {
            return serviceUnavailable(status, headers, now);
        }
        return retryAfter(headers, now)
                .map(wait -> RateLimitVerdict.wait(wait, Scope.GLOBAL, "Stripe rate limit (Retry-After)"))
                .orElse(RateLimitVerdict.none());
    }

    /**
     * A successful answer that used up the quota: GitHub's {@code x-ratelimit-remaining: 0} with
     * {@code x-ratelimit-reset}, GitLab's {@code RateLimit-Remaining: 0} with {@code RateLimit-Reset}. The next
     * call would be refused, so the wait starts now.
     */
    public static Optional<RateLimitVerdict.Wait> exhausted(Platform platform, Map<String, List<String>> headers,
            Instant now) {
        String remaining;
        String reset;
        if (platform == Platform.GITHUB) {
            remaining = "x-ratelimit-remaining";
            reset = "x-ratelimit-reset";
        } else if (platform == Platform.GITLAB) {
            remaining = "RateLimit-Remaining";
            reset = "RateLimit-Reset";
        } else {
            return Optional.empty();
        }
        if (ResponseHeaders.first(headers, remaining).filter("0"::equals).isEmpty()) {
            return Optional.empty();
        }
        return ResponseHeaders.first(headers, reset).flatMap(RateLimitHeaders::epochSeconds)
                .filter(at -> at.isAfter(now))
                .map(at -> new RateLimitVerdict.Wait(Duration.between(now, at), Scope.TOKEN,
                        (platform == Platform.GITHUB ? "GitHub" : "GitLab") + " quota used up (" + reset + ")"));
    }

    /** {@code Retry-After} as delta-seconds or as an HTTP-date; a negative or past value is a zero wait. */
    public static Optional<Duration> retryAfter(Map<String, List<String>> headers, Instant now) {
        Optional<String> value = ResponseHeaders.first(headers, "Retry-After");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (DELTA_SECONDS.matcher(value.get()).matches()) {
            return Optional.of(clamp(Duration.ofSeconds(Long.parseLong(value.get()))));
        }
        return httpDate(value.get()).map(at -> clamp(Duration.between(now, at)));
    }

    static Optional<Instant> epochSeconds(String value) {
        if (!EPOCH_SECONDS.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
    }

    /** IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}); the obsolete RFC 850 and asctime forms are ignored. */
    static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** ISO-8601 with an offset; Atlassian writes {@code 2024-06-11T18:30Z} (no seconds) as well as full ones. */
    static Optional<Instant> isoTimestamp(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static RateLimitVerdict serviceUnavailable(int status, Map<String, List<String>> headers, Instant now) {
        if (status != 503) {
            return RateLimitVerdict.none();
        }
        return retryAfter(headers, now)
                .map(wait -> RateLimitVerdict.wait(wait, Scope.GLOBAL, "service unavailable (Retry-After)"))
                .orElse(RateLimitVerdict.none());
    }

    private static boolean mentionsSecondaryLimit(String body) {
        if (body == null) {
            return false;
        }
        String text = body.toLowerCase(Locale.ROOT);
        return text.contains("secondary rate limit") || text.contains("abuse detection");
    }

    /** Slack's {@code error} when the body is {@code ok:false} JSON; anything unreadable is no error. */
    static Optional<String> slackError(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object && object.get("ok") == JsonValue.FALSE
                    && object.get("error") instanceof JsonString error) {
                return Optional.of(error.getString());
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            // JSON-P implementations differ in what they throw for garbage (JsonException, NoSuchElement...)
            return Optional.empty();
        }
    }

    private static Duration clamp(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
