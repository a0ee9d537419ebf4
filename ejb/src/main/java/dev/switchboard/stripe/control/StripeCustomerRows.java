package dev.switchboard.stripe.control;

import dev.switchboard.schema.control.UniqueViolation;
import dev.switchboard.stripe.entity.StripeCustomer;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;

/**
 * The rows of {@code stripe_customers}, read under their lock so that everything touching one user's
 * billing state — webhook deliveries and the customer service alike — takes its turn.
 */
@Stateless
public class StripeCustomerRows {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public Optional<StripeCustomer> lockedByCustomerId(String customerId) {
        return em.createNamedQuery(StripeCustomer.BY_CUSTOMER_ID, StripeCustomer.class)
                .setParameter("customerId", customerId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /**
     * The user's row, locked; inserted first when there is none. Empty when a concurrent caller inserted it
     * first: this transaction is then marked for rollback and the caller tries again in a new one.
     */
    public Optional<StripeCustomer> lockedOrInserted(String userKey, String email, Instant now) {
        StripeCustomer row = em.find(StripeCustomer.class, userKey, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            return Optional.of(row);
        }
        row = new StripeCustomer(userKey, email, now);
        em.persist(row);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.in(e)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(row);
    }
}
