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
