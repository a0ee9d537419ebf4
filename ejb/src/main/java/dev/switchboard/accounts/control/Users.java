package dev.switchboard.accounts.control;

import dev.switchboard.accounts.entity.SwitchboardUser;
import dev.switchboard.schema.control.UniqueViolation;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;

/**
 * Switchboard users, created the first time a valid token of the identity provider is seen. Two first
 * requests racing each other are settled by the unique (issuer, subject) constraint: the loser's
 * transaction rolls back quietly and it reads the winner's row.
 */
@Stateless
public class Users {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Resource
    SessionContext context;

    /** The user behind a token, updated with what the token says; empty only when a concurrent first sign-in won. */
    public Optional<SwitchboardUser> signedIn(String issuer, String subject, String displayName, String email) {
        Instant now = Instant.now();
        Optional<SwitchboardUser> existing = find(issuer, subject);
        if (existing.isPresent()) {
            existing.get().seen(displayName, email, now);
            return existing;
        }
        SwitchboardUser user = new SwitchboardUser(issuer, subject, displayName, email, now);
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.in(e)) {
                context.setRollbackOnly();
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(user);
    }

    public Optional<SwitchboardUser> find(String issuer, String subject) {
        return em.createNamedQuery(SwitchboardUser.BY_SUBJECT, SwitchboardUser.class)
                .setParameter("issuer", issuer)
                .setParameter("subject", subject)
                .getResultStream().findFirst();
    }

    public Optional<SwitchboardUser> byId(String id) {
        return Optional.ofNullable(em.find(SwitchboardUser.class, id));
    }
}
