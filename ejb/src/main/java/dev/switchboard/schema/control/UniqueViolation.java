package dev.switchboard.schema.control;

import java.sql.SQLException;

/**
 * Recognises a unique-constraint violation in an exception chain by its SQLSTATE (23505 on PostgreSQL
 * and H2), which is how concurrent first inserts of the same key are told apart from real failures.
 */
public final class UniqueViolation {

    private static final String SQLSTATE = "23505";

    private UniqueViolation() {
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
