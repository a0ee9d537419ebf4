package dev.switchboard.github.control;

import dev.switchboard.github.entity.GitHubInstallation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Keeps the GitHub App's installations as GitHub reports them in its installation events. */
@Stateless
public class GitHubInstallations {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    GitHubInstallationRows rows;

    public String apply(GitHubEvent.InstallationChanged change) {
        Instant now = Instant.now();
        String who = "installation " + change.installationId() + " (" + change.accountLogin() + ", "
                + change.accountType() + ")";
        if (change.removed()) {
            GitHubInstallation installation = em.find(GitHubInstallation.class, change.installationId(),
                    LockModeType.PESSIMISTIC_WRITE);
            if (installation != null) {
                em.remove(installation); // its cached token goes with it: GitHub has revoked it anyway
            }
            return who + " removed";
        }
        GitHubInstallation installation = rows.locked(change.installationId());
        installation.describe(change.accountLogin(), change.accountType(), change.repositorySelection(), now);
        return who + " " + change.action() + ", repositories: "
                + (change.repositorySelection() == null ? "unchanged" : change.repositorySelection());
    }
}
