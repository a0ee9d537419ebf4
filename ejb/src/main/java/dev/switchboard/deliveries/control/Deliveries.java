package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.DeliveryStatus;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.deliveries.entity.WebhookDelivery;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What operators do with stored deliveries: list, look at one, replay. */
@Stateless
public class Deliveries {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    DeliveryQueue queue;

    public DeliveryPage list(DeliveryFilter filter) {
        StringBuilder jpql = new StringBuilder("select d from WebhookDelivery d where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        where(filter, jpql, params);
        if (filter.afterReceivedAt() != null) {
            jpql.append(" and (d.receivedAt < :at or (d.receivedAt = :at and d.id < :afterId))");
            params.put("at", filter.afterReceivedAt());
            params.put("afterId", filter.afterId());
        }
        jpql.append(" order by d.receivedAt desc, d.id desc");
        TypedQuery<WebhookDelivery> query = em.createQuery(jpql.toString(), WebhookDelivery.class)
                .setMaxResults(filter.limit() + 1);
        params.forEach(query::setParameter);
        List<WebhookDelivery> found = new ArrayList<>(query.getResultList());
        String next = null;
        if (found.size() > filter.limit()) {
            found = found.subList(0, filter.limit());
            next = DeliveryFilter.cursorAfter(found.get(found.size() - 1));
        }
        return new DeliveryPage(found, next);
    }

    /** The filter's conditions (not its page position) as JPQL, shared by the list and the bulk replay. */
    private static void where(DeliveryFilter filter, StringBuilder jpql, Map<String, Object> params) {
        if (filter.platform() != null) {
            jpql.append(" and d.platform = :platform");
            params.put("platform", filter.platform());
        }
        if (filter.status() != null) {
            jpql.append(" and d.status = :status");
            params.put("status", filter.status());
        }
        if (filter.event() != null) {
            jpql.append(" and d.event = :event");
            params.put("event", filter.event());
        }
        if (filter.receivedFrom() != null) {
            jpql.append(" and d.receivedAt >= :from");
            params.put("from", filter.receivedFrom());
        }
        if (filter.receivedTo() != null) {
            jpql.append(" and d.receivedAt < :to");
            params.put("to", filter.receivedTo());
        }
    }

    /**
     * Replays the DEAD deliveries the filter matches, oldest first, at most {@code filter.limit()} of them
     * (its page position is ignored). Idempotent: a replayed delivery is QUEUED, so asking again replays
     * only what died since. Rows are locked and skipped when another node holds them, so two operators
     * pressing the button at once replay each delivery once.
     */
    public BulkReplay replayDead(DeliveryFilter filter) {
        if (filter.status() != DeliveryStatus.DEAD) {
            throw new IllegalArgumentException("only DEAD deliveries are replayed in bulk");
        }
        StringBuilder jpql = new StringBuilder("select d from WebhookDelivery d where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        where(filter, jpql, params);
        jpql.append(" order by d.receivedAt, d.id");
        TypedQuery<WebhookDelivery> query = em.createQuery(jpql.toString(), WebhookDelivery.class)
                .setMaxResults(filter.limit() + 1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE);
        params.forEach(query::setParameter);
        List<WebhookDelivery> dead = query.getResultList();
        List<String> replayed = new ArrayList<>();
        Instant now = Instant.now();
        for (WebhookDelivery delivery : dead.subList(0, Math.min(dead.size(), filter.limit()))) {
            delivery.replay(now);
            queue.nudge(delivery.getId(), Duration.ZERO);
            replayed.add(delivery.getId());
        }
        return new BulkReplay(replayed, dead.size() > filter.limit());
    }

    /** What a bulk replay did: the ids sent round again, and whether more DEAD ones match than the bound. */
    public record BulkReplay(List<String> ids, boolean more) {
    }

    /**
     * The last hour at a glance: deliveries received since {@code since} by status (every status present),
     * and the oldest delivery still QUEUED, if any.
     */
    public Summary summary(Instant since) {
        Map<DeliveryStatus, Long> byStatus = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus s : DeliveryStatus.values()) {
            byStatus.put(s, 0L);
        }
        em.createNamedQuery(WebhookDelivery.COUNT_SINCE_BY_STATUS, Object[].class).setParameter("since", since)
                .getResultList().forEach(row -> byStatus.put((DeliveryStatus) row[0], (Long) row[1]));
        Optional<WebhookDelivery> oldest = em.createNamedQuery(WebhookDelivery.OLDEST_IN_STATUS, WebhookDelivery.class)
                .setParameter("status", DeliveryStatus.QUEUED).setMaxResults(1).getResultStream().findFirst();
        return new Summary(byStatus, oldest);
    }

    public record Summary(Map<DeliveryStatus, Long> receivedByStatus, Optional<WebhookDelivery> oldestQueued) {
    }

    public Optional<WebhookDelivery> find(String id) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, id));
    }

    /** Sends a delivery round again, whatever became of it; empty when there is no such delivery. */
    public Optional<WebhookDelivery> replay(String id) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return Optional.empty();
        }
        delivery.replay(Instant.now());
        queue.nudge(delivery.getId(), Duration.ZERO);
        return Optional.of(delivery);
    }

    /** Deliveries per platform and status; every status is present, zero where there are none. */
    public Map<Platform, Map<DeliveryStatus, Long>> countsByStatus() {
        Map<Platform, Map<DeliveryStatus, Long>> counts = new EnumMap<>(Platform.class);
        for (Platform p : Platform.values()) {
            Map<DeliveryStatus, Long> byStatus = new EnumMap<>(DeliveryStatus.class);
            for (DeliveryStatus s : DeliveryStatus.values()) {
                byStatus.put(s, 0L);
            }
            counts.put(p, byStatus);
        }
        for (Object[] row : em.createNamedQuery(WebhookDelivery.COUNT_BY_STATUS, Object[].class).getResultList()) {
            counts.get((Platform) row[0]).put((DeliveryStatus) row[1], (Long) row[2]);
        }
        return counts;
    }

    /** GitLab hooks Switchboard installed, by status (PENDING, VERIFIED, RATE_LIMITED, INVALID). */
    public Map<String, Long> gitlabHooksByStatus() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (var s : dev.switchboard.gitlab.entity.GitLabHookInstallation.Status.values()) {
            counts.put(s.name(), 0L);
        }
        for (Object[] row : em.createNamedQuery(dev.switchboard.gitlab.entity.GitLabHookInstallation.COUNT_BY_STATUS,
                Object[].class).getResultList()) {
            counts.put(row[0].toString(), (Long) row[1]);
        }
        return counts;
    }

    public Map<Platform, Instant> lastReceived() {
        Map<Platform, Instant> last = new EnumMap<>(Platform.class);
        for (Object[] row : em.createNamedQuery(WebhookDelivery.LAST_RECEIVED, Object[].class).getResultList()) {
            last.put((Platform) row[0], (Instant) row[1]);
        }
        return last;
    }
}
