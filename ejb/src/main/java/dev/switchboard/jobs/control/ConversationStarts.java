package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.AgentJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Starts a job's conversation on the agent server, the same way for every platform. A start that was refused, or
 * sent without an answer, is not repeated (it could start a second conversation): the job ends there and the
 * requester is told once, through a notice keyed by the job. "Sent" is committed before the request goes out, so
 * a start whose answer a crash lost is recognised by the next attempt and not sent again either.
 */
@ApplicationScoped
public class ConversationStarts {

    @Inject
    AgentServer agentServer;

    @Inject
    JobRecords jobs;

    @Inject
    Notices notices;

    /**
     * @param noticeKind   the platform's kind of post for the "could not start" message
     * @param couldNotStart that message, in the platform's format
     * @return the job, with its conversation id, or failed with the reason
     */
    public AgentJob start(AgentJob job, NewConversation conversation, String noticeKind, String couldNotStart) {
        if (!jobs.startSending(job.getId())) {
            return failed(job, "the start was sent by an earlier attempt that ended before its answer was recorded"
                    + " (a crash); not sent again, it could open a second conversation", noticeKind, couldNotStart);
        }
        try {
            return jobs.started(job.getId(), agentServer.start(conversation));
        } catch (AgentServerException e) {
            return failed(job, e.getMessage(), noticeKind, couldNotStart);
        } catch (AgentServerUnavailableException | CircuitBreakerOpenException e) {
            jobs.startNotSent(job.getId()); // it never reached the agent server: the delivery's retry sends it
            throw e;
        }
    }

    private AgentJob failed(AgentJob job, String error, String noticeKind, String couldNotStart) {
        jobs.failedToStart(job.getId(), error);
        notices.postOnce(new NoticeDraft(job.getId(), job.getPlatform(), noticeKind,
                "job:" + job.getId() + ":start-failed", job.getAnswerTo(), couldNotStart));
        return jobs.find(job.getId()).orElseThrow();
    }
}
