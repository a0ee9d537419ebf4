package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.AgentJob;
import dev.switchboard.jobs.entity.JobFollowUp;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The follow-up rows, each change committed on its own: the row exists before the agent server is asked, and
 * what became of the message is stored right after, so a replayed delivery finds it and sends nothing twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FollowUpRecords {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<JobFollowUp> byDelivery(String deliveryId) {
        return em.createNamedQuery(JobFollowUp.BY_DELIVERY, JobFollowUp.class).setParameter("deliveryId", deliveryId)
                .getResultStream().findFirst();
    }

    public JobFollowUp open(String deliveryId, String jobId) {
        JobFollowUp followUp = new JobFollowUp(deliveryId, jobId, Instant.now());
        em.persist(followUp);
        return followUp;
    }

    public void ended(String followUpId, JobFollowUp.Status status, String error) {
        em.find(JobFollowUp.class, followUpId).ended(status, error, Instant.now());
    }

    /**
     * The conversation took the message: the follow-up is SENT and its job active again, under the job's row lock
     * so that a state change applied at the same moment counts before or after, never half.
     *
     * @param answerTo where the job's next posts go, or null to keep the job's place
     */
    public AgentJob sent(String followUpId, String answerTo) {
        JobFollowUp followUp = em.find(JobFollowUp.class, followUpId);
        AgentJob job = em.find(AgentJob.class, followUp.getJobId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        job.followedUp(answerTo, now);
        followUp.ended(JobFollowUp.Status.SENT, null, now);
        return job;
    }
}
