package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.AgentJob;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The job rows, each change committed on its own before the call it protects: the job exists before the agent
 * server is asked, and its conversation id is stored as soon as the server answers, so a retried delivery
 * finds both and starts nothing twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobRecords {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /** The delivery's job: the one stored by an earlier attempt, else the new one. */
    public AgentJob open(String deliveryId, Supplier<AgentJob> newJob) {
        Optional<AgentJob> existing = byDelivery(deliveryId);
        if (existing.isPresent()) {
            return existing.get();
        }
        AgentJob job = newJob.get();
        em.persist(job);
        return job;
    }

    /** Marks the job's start as sent (committed before the request); false when an earlier attempt sent it. */
    public boolean startSending(String jobId) {
        return em.find(AgentJob.class, jobId).startSending(Instant.now());
    }

    public void startNotSent(String jobId) {
        em.find(AgentJob.class, jobId).startNotSent(Instant.now());
    }

    public AgentJob started(String jobId, String conversationId) {
        AgentJob job = em.find(AgentJob.class, jobId);
        job.started(conversationId, Instant.now());
        return job;
    }

    public void failedToStart(String jobId, String error) {
        em.find(AgentJob.class, jobId).failedToStart(error, Instant.now());
    }

    /** The newest jobs first, at most {@code limit}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AgentJob> recent(int limit) {
        return em.createNamedQuery(AgentJob.RECENT, AgentJob.class).setMaxResults(limit).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AgentJob> find(String jobId) {
        return Optional.ofNullable(em.find(AgentJob.class, jobId));
    }

    /** The newest job the requester asked for in the thread (same issue, PR, MR, ticket, Slack thread). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AgentJob> latestInThread(String threadKey, String requester) {
        return em.createNamedQuery(AgentJob.IN_THREAD_BY, AgentJob.class).setParameter("threadKey", threadKey)
                .setParameter("requester", requester).setMaxResults(1).getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AgentJob> byDelivery(String deliveryId) {
        return em.createNamedQuery(AgentJob.BY_DELIVERY, AgentJob.class).setParameter("deliveryId", deliveryId)
                .getResultStream().findFirst();
    }
}
