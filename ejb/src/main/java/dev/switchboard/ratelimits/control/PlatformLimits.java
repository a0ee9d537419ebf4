package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.ratelimits.entity.PlatformLimit;
import dev.switchboard.schema.control.UniqueViolation;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The {@code platform_limits} table: what one node learned about a limit, for the others. Writes run in
 * their own transaction so that a caller's rollback (a delivery that failed on the limit) keeps the limit.
 */
@Stateless
public class PlatformLimits {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Platform platform, String scopeKey, Instant until, String reason, Instant now) {
        PlatformLimit limit = em.find(PlatformLimit.class, PlatformLimit.idOf(platform, scopeKey),
                LockModeType.PESSIMISTIC_WRITE);
        if (limit != null) {
            limit.restate(until, reason, now);
            return;
        }
        // false when another node recorded the same limit a moment ago: its statement is as good as ours
        UniqueViolation.persistUnlessTaken(em, context, new PlatformLimit(platform, scopeKey, until, reason, now));
    }

    // outside the caller's transaction: a failed read must not doom it
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<PlatformLimit> inForce(Instant now) {
        return em.createNamedQuery(PlatformLimit.IN_FORCE, PlatformLimit.class).setParameter("now", now)
                .getResultList();
    }
}
