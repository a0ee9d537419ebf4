package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.AgentJob;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Applies what the agent server reported (pushed or polled) to the job, under the job's row lock so a push and
 * a poll arriving together count one change. A change worth telling is queued for the platform's callback
 * processor in the same transaction.
 */
@Stateless
public class JobStateChanges {

    private static final Logger LOG = Logger.getLogger(JobStateChanges.class.getName());

    /** What became of a report. */
    public enum Result { UNKNOWN_CONVERSATION, UNCHANGED, CHANGED }

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    CallbackQueue callbacks;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Result apply(String conversationId, AgentReport report) {
        AgentJob job = em.createNamedQuery(AgentJob.BY_CONVERSATION, AgentJob.class)
                .setParameter("conversationId", conversationId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (job == null) {
            return Result.UNKNOWN_CONVERSATION;
        }
        AgentState state = report.state();
        if (!job.agentStateChanged(state.id(), state.jobStatus(), report.message(), Instant.now())) {
            return Result.UNCHANGED;
        }
        if (state.isNews()) {
            callbacks.nudge(job.getId(), job.getStateChanges(), Duration.ZERO);
        }
        LOG.info(() -> "job " + job.getId() + " is " + state.id());
        return Result.CHANGED;
    }
}
