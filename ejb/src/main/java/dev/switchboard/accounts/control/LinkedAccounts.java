package dev.switchboard.accounts.control;

import dev.switchboard.accounts.entity.LinkedAccount;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** A user's linked accounts, as the API shows them (never with their tokens). */
@Stateless
public class LinkedAccounts {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public List<LinkedAccount> of(String userId) {
        return em.createNamedQuery(LinkedAccount.BY_USER, LinkedAccount.class)
                .setParameter("userId", userId)
                .getResultList();
    }

    public Optional<LinkedAccount> of(String userId, String provider) {
        return em.createNamedQuery(LinkedAccount.BY_USER_AND_PROVIDER, LinkedAccount.class)
                .setParameter("userId", userId)
                .setParameter("provider", provider)
                .getResultStream().findFirst();
    }
}
