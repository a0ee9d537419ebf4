package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.AgentJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Starts a job's conversation on the agent server, the same way for every platform. A start that was refused, or
 * sent without an answer, is not repeated (it could start a second conversation): the job ends there and the
 * requester is told once, through a notice keyed by the job.
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
        try {
            return jobs.started(job.getId(), agentServer.start(conversation));
        } catch (AgentServerException e) {
            jobs.failedToStart(job.getId(), e.getMessage());
            notices.postOnce(new NoticeDraft(job.getId(), job.getPlatform(), noticeKind,
                    "job:" + job.getId() + ":start-failed", job.getAnswerTo(), couldNotStart));
            return jobs.find(job.getId()).orElseThrow();
        }
    }
}
