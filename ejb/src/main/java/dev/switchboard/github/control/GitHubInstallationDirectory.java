package dev.switchboard.github.control;

import dev.switchboard.github.entity.GitHubInstallation;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** For operators: the accounts that installed the GitHub App, most recently changed first. */
@Stateless
public class GitHubInstallationDirectory {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public List<GitHubInstallation> recent(int max) {
        return em.createQuery("select i from GitHubInstallation i order by i.updatedAt desc, i.installationId",
                GitHubInstallation.class).setMaxResults(max).getResultList();
    }
}
