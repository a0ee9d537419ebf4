package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.AgentJob;
import dev.switchboard.jobs.entity.JobStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which active jobs are due for a poll, and the claim that makes one node poll a job: a conditional update of
 * its {@code polled_at}, which only one node's update can win per round.
 */
@Stateless
public class JobPolls {

    static final int BATCH = 100;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> due(Duration interval) {
        return em.createNamedQuery(AgentJob.DUE_FOR_POLL, String.class)
                .setParameter("statuses", List.of(JobStatus.RUNNING, JobStatus.AWAITING_INPUT))
                .setParameter("before", Instant.now().minus(interval))
                .setMaxResults(BATCH)
                .getResultList();
    }

    /** The job's conversation id when this node won the job for this round. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> claim(String jobId, Duration interval) {
        Instant now = Instant.now();
        int won = em.createNamedQuery(AgentJob.CLAIM_POLL)
                .setParameter("id", jobId)
                .setParameter("now", now)
                .setParameter("before", now.minus(interval))
                .executeUpdate();
        if (won == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(AgentJob.class, jobId)).map(AgentJob::getConversationId);
    }
}
