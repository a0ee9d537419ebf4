package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.jobs.entity.NoticeStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For the operators' job list: how many posts of each job stand in each status, in one query for a page of
 * jobs, so that a job whose posts died stands out without opening it.
 */
@Stateless
public class NoticeTally {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public Map<String, Map<NoticeStatus, Long>> byJob(Collection<String> jobIds) {
        Map<String, Map<NoticeStatus, Long>> tally = new HashMap<>();
        if (jobIds.isEmpty()) {
            return tally;
        }
        List<Object[]> rows = em.createQuery("select n.jobId, n.status, count(n) from " + JobNotice.class.getSimpleName()
                + " n where n.jobId in :ids group by n.jobId, n.status", Object[].class)
                .setParameter("ids", jobIds).getResultList();
        for (Object[] row : rows) {
            tally.computeIfAbsent((String) row[0], id -> new EnumMap<>(NoticeStatus.class))
                    .put((NoticeStatus) row[1], (Long) row[2]);
        }
        return tally;
    }
}
