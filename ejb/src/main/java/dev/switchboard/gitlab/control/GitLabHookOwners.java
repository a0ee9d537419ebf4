package dev.switchboard.gitlab.control;

import dev.switchboard.accounts.entity.LinkStatus;
import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.gitlab.entity.GitLabHookInstallation;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.ResourceType;
import dev.switchboard.gitlab.entity.GitLabHookInstallation.Status;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who can speak for a project when the requester has no linked account: the linked user who installed the
 * Switchboard hook that delivers the project's events (on the project, else on its nearest group). They hold
 * Maintainer (or group Owner) access there and chose to connect it, so their token checks the stranger's access
 * and asks them to connect an account; without such a user nobody is asked.
 */
@Stateless
public class GitLabHookOwners {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /** The Switchboard user id whose GitLab token may answer on the project, if any hook owner's token is usable. */
    public Optional<String> forProject(long projectId, String projectPath) {
        List<GitLabHookInstallation> hooks = new ArrayList<>(em.createNamedQuery(
                        GitLabHookInstallation.COVERING_PROJECT, GitLabHookInstallation.class)
                .setParameter("invalid", Status.INVALID)
                .setParameter("project", ResourceType.PROJECT)
                .setParameter("projectId", projectId)
                .setParameter("group", ResourceType.GROUP)
                .setParameter("groupPaths", groupPaths(projectPath))
                .getResultList());
        hooks.sort(nearestFirst());
        for (GitLabHookInstallation hook : hooks) {
            boolean usable = em.createNamedQuery(LinkedAccount.BY_USER_AND_PROVIDER, LinkedAccount.class)
                    .setParameter("userId", hook.getUserId()).setParameter("provider", "gitlab")
                    .getResultStream()
                    .anyMatch(a -> a.getStatus() != LinkStatus.NEEDS_RELINK && a.getAccessToken() != null);
            if (usable) {
                return Optional.of(hook.getUserId());
            }
        }
        return Optional.empty();
    }

    /** The groups a project may sit in, nearest first: {@code a/b/c} → {@code a/b}, {@code a}. */
    static List<String> groupPaths(String projectPath) {
        List<String> paths = new ArrayList<>();
        for (int slash = projectPath.lastIndexOf('/'); slash > 0; slash = projectPath.lastIndexOf('/', slash - 1)) {
            paths.add(projectPath.substring(0, slash));
        }
        return paths;
    }

    /** The project's own hook first, then groups from the deepest. */
    static Comparator<GitLabHookInstallation> nearestFirst() {
        return Comparator.comparing((GitLabHookInstallation h) -> h.getResourceType() != ResourceType.PROJECT)
                .thenComparing(h -> -depth(h.getResourcePath()));
    }

    private static int depth(String path) {
        return path == null ? 0 : (int) path.chars().filter(c -> c == '/').count();
    }
}
