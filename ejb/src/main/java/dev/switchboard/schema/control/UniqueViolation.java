package dev.switchboard.schema.control;

import jakarta.ejb.EJBContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * Recognises a unique-constraint violation in an exception chain by its SQLSTATE (23505 on PostgreSQL
 * and H2), which is how concurrent first inserts of the same key are told apart from real failures.
 */
public final class UniqueViolation {

    private static final String SQLSTATE = "23505";

    private UniqueViolation() {
    }

    /**
     * Inserts the entity at once; when a unique key says another transaction stored it first, marks this transaction
     * rollback-only (quietly: the caller answers instead of surfacing a failure) and returns false.
     */
    public static boolean persistUnlessTaken(EntityManager em, EJBContext context, Object entity) {
        em.persist(entity);
        try {
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (!in(e)) {
                throw e;
            }
            context.setRollbackOnly();
            return false;
        }
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SQLSTATE.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
