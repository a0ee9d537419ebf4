package dev.switchboard.gitlab.control;

import dev.switchboard.gitlab.entity.GitLabHookInstallation;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.Status;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** For operators: the hooks that do not deliver, with why, so that the counts by status have names. */
@Stateless
public class GitLabHookReport {

    static final List<Status> NEEDING_ATTENTION = List.of(Status.DISABLED, Status.INVALID, Status.RATE_LIMITED);

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /** Most recently checked first. */
    public List<GitLabHookInstallation> needingAttention(int max) {
        return em.createNamedQuery(GitLabHookInstallation.NEEDING_ATTENTION, GitLabHookInstallation.class)
                .setParameter("statuses", NEEDING_ATTENTION).setMaxResults(max).getResultList();
    }
}
