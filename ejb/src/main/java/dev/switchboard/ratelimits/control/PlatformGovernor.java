package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.ratelimits.control.RateLimitVerdict.Scope;
import dev.switchboard.ratelimits.entity.PlatformLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Holds calls back while a platform's limit is in force, for every caller on this node and, through
 * {@link PlatformLimits}, on the others: a limit one node was told about is read by the rest within
 * {@link #REFRESH}. Limits are kept per token (an installation's, a user's, a bot's) or for the whole
 * platform ({@link PlatformLimit#GLOBAL}). The database is a help, not a dependency: when it cannot be
 * read or written, this node's own knowledge still applies.
 */
@ApplicationScoped
public class PlatformGovernor {

    static final Duration REFRESH = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(PlatformGovernor.class.getName());

    @Inject
    PlatformLimits store;

    private final ConcurrentMap<String, Limit> limits = new ConcurrentHashMap<>();
    private volatile Instant refreshedAt = Instant.EPOCH;

    /** A limit in force: no call in its scope before {@code until}. */
    public record Limit(Platform platform, String scopeKey, Instant until, String reason) {
        Duration remaining(Instant now) {
            return Duration.between(now, until);
        }
    }

    /** The limit that holds back a call with this token (or the platform's global one), the longer of both. */
    public Optional<Limit> inForce(Platform platform, String tokenKey, Instant now) {
        refreshIfStale(now);
        return Stream.of(PlatformLimit.GLOBAL, tokenKey)
                .map(scope -> limits.get(PlatformLimit.idOf(platform, scope)))
                .filter(limit -> limit != null && limit.until().isAfter(now))
                .max(Comparator.comparing(Limit::until));
    }

    /** Every limit in force, for operators. */
    public List<Limit> all(Instant now) {
        refreshIfStale(now);
        return limits.values().stream().filter(limit -> limit.until().isAfter(now))
                .sorted(Comparator.comparing(Limit::until)).toList();
    }

    public void record(Platform platform, RateLimitVerdict.Wait wait, String tokenKey, Instant now) {
        if (wait.duration().isZero()) {
            return;
        }
        String scope = wait.scope() == Scope.GLOBAL ? PlatformLimit.GLOBAL : tokenKey;
        Limit limit = new Limit(platform, scope, now.plus(wait.duration()), wait.reason());
        limits.put(PlatformLimit.idOf(platform, scope), limit);
        try {
            store.record(platform, scope, limit.until(), limit.reason(), now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not share the " + platform.id() + " limit with other nodes", e);
        }
    }

    private void refreshIfStale(Instant now) {
        if (Duration.between(refreshedAt, now).compareTo(REFRESH) < 0) {
            return;
        }
        refreshedAt = now;
        try {
            for (PlatformLimit row : store.inForce(now)) {
                Limit shared = new Limit(row.getPlatform(), row.getScopeKey(), row.getUntil(), row.getReason());
                limits.merge(row.getId(), shared, (mine, theirs) -> mine.until().isAfter(theirs.until()) ? mine : theirs);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "limits of other nodes not readable; this node's own apply", e);
        }
        limits.values().removeIf(limit -> !limit.until().isAfter(now));
    }
}
