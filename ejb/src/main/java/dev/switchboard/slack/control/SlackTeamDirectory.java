package dev.switchboard.slack.control;

import dev.switchboard.slack.entity.SlackInstallation;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** For operators: the Slack workspaces that installed the app, most recently installed first. */
@Stateless
public class SlackTeamDirectory {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public List<SlackInstallation> recent(int max) {
        return em.createQuery("select t from SlackInstallation t order by t.installedAt desc, t.teamId",
                SlackInstallation.class).setMaxResults(max).getResultList();
    }
}
