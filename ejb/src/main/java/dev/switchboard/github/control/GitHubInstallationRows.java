package dev.switchboard.github.control;

import dev.switchboard.github.entity.GitHubInstallation;
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

/**
 * Creates an installation's row on its own, committed before the caller locks it: a lock on a row that does not
 * exist yet locks nothing, so the first deliveries of a new installation, processed side by side, would each insert
 * it and all but one fail on the primary key (and each mint a token). Losing that insert race is fine: the row is
 * there, which is all the caller needs.
 */
@Stateless
public class GitHubInstallationRows {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Resource
    SessionContext context;

    /** The installation's row, created first if it is new, locked until the caller's transaction ends. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public GitHubInstallation locked(long installationId) {
        GitHubInstallation installation = em.find(GitHubInstallation.class, installationId, LockModeType.PESSIMISTIC_WRITE);
        if (installation == null) {
            context.getBusinessObject(GitHubInstallationRows.class).createIfAbsent(installationId);
            installation = em.find(GitHubInstallation.class, installationId, LockModeType.PESSIMISTIC_WRITE);
        }
        return installation;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createIfAbsent(long installationId) {
        if (em.find(GitHubInstallation.class, installationId) != null) {
            return;
        }
        UniqueViolation.persistUnlessTaken(em, context, new GitHubInstallation(installationId, Instant.now()));
    }
}
