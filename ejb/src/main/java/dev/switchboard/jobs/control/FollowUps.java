package dev.switchboard.jobs.control;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.jobs.entity.AgentJob;
import dev.switchboard.jobs.entity.JobFollowUp;
import dev.switchboard.jobs.entity.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Follow-ups, the same way for every platform: a request with text by the requester of the thread's latest job goes
 * to that job's conversation as a new user message instead of starting a job. The conversation must still be
 * usable: running, waiting for input or finished (the agent takes the message and works again). A job that erred,
 * was stopped or never started — or a conversation the agent server no longer has — gets a new job instead.
 * <p>
 * Once: the follow-up row (unique per delivery) is committed before the message is sent and marked after; a
 * replayed delivery finds it and only repeats the acknowledgement, which {@link Notices} posts once anyway. A
 * message refused, or sent without an answer, is not repeated; the requester is told once. After the send the job
 * is active again with a new state change, so the callback processor posts the follow-up's result once, under a
 * new key, and a poll that still sees the old state does not tell it again ({@link ConversationEvents}).
 */
@ApplicationScoped
public class FollowUps {

    private static final Set<JobStatus> USABLE = Set.of(JobStatus.RUNNING, JobStatus.AWAITING_INPUT, JobStatus.FINISHED);

    @Inject
    JobRecords jobs;

    @Inject
    FollowUpRecords records;

    @Inject
    AgentServer agentServer;

    @Inject
    Notices notices;

    /** Whether the requester has asked for a job in that thread before (a Slack reply there is then a request). */
    public boolean hasJobInThread(String threadKey, String requester) {
        return jobs.latestInThread(threadKey, requester).isPresent();
    }

    /**
     * Passes the request on as a follow-up when it is one.
     *
     * @return the delivery's outcome, or empty when the request is not a follow-up: the platform starts a job
     */
    public Optional<Outcome> forward(FollowUp followUp) {
        if (followUp.text() == null || followUp.text().isBlank()) {
            return Optional.empty();
        }
        Optional<JobFollowUp> earlier = records.byDelivery(followUp.deliveryId());
        JobFollowUp row;
        AgentJob job;
        if (earlier.isPresent()) {
            row = earlier.get();
            job = jobs.find(row.getJobId()).orElseThrow();
            switch (row.getStatus()) {
                case SENT:
                    return Optional.of(acknowledged(followUp, job));
                case FAILED:
                    return Optional.of(failed(followUp, job, row.getLastError()));
                case NEW_JOB:
                    return Optional.empty();
                default:
                    break; // PENDING: the agent server was unreachable (it took nothing), or a crash came between
            }
        } else {
            if (jobs.byDelivery(followUp.deliveryId()).isPresent()) {
                return Optional.empty(); // this delivery started the thread's job itself
            }
            Optional<AgentJob> latest = jobs.latestInThread(followUp.threadKey(), followUp.requester())
                    .filter(FollowUps::usable);
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            job = latest.get();
            row = records.open(followUp.deliveryId(), job.getId());
        }
        try {
            agentServer.send(job.getConversationId(), followUp.text());
        } catch (ConversationGoneException e) {
            records.ended(row.getId(), JobFollowUp.Status.NEW_JOB, e.getMessage());
            return Optional.empty();
        } catch (AgentServerException e) {
            records.ended(row.getId(), JobFollowUp.Status.FAILED, e.getMessage());
            return Optional.of(failed(followUp, job, e.getMessage()));
        }
        return Optional.of(acknowledged(followUp, records.sent(row.getId(), followUp.answerTo())));
    }

    static boolean usable(AgentJob job) {
        return job.getConversationId() != null && USABLE.contains(job.getStatus());
    }

    private Outcome acknowledged(FollowUp followUp, AgentJob job) {
        String link = AgentServer.conversationLink(job.getConversationId());
        followUp.acknowledgement().drafts(job, key(followUp), link).forEach(notices::postOnce);
        return Outcome.processed("follow-up by " + followUp.requester() + " sent to conversation "
                + job.getConversationId() + " of job " + job.getId());
    }

    private Outcome failed(FollowUp followUp, AgentJob job, String error) {
        notices.postOnce(new NoticeDraft(job.getId(), followUp.platform(), followUp.noticeKind(),
                key(followUp) + ":failed", followUp.answerTo() == null ? job.getAnswerTo() : followUp.answerTo(),
                followUp.couldNotPass()));
        return Outcome.processed("follow-up by " + followUp.requester() + " to conversation " + job.getConversationId()
                + " of job " + job.getId() + " could not be passed on: " + error);
    }

    private static String key(FollowUp followUp) {
        return "followup:" + followUp.deliveryId();
    }
}
