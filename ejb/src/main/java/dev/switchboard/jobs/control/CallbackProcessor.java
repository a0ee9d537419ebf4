package dev.switchboard.jobs.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.entity.AgentJob;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a platform says when a job's agent changes its state (the seed's conversation callback processors):
 * one per platform, reading the job's {@code answerTo} for where. Pure: {@link CallbackProcessing} makes the
 * post exactly once.
 */
public interface CallbackProcessor {

    Platform platform();

    /**
     * The post for the job's current state, or empty when there is nothing to say.
     *
     * @param idempotencyKey the key the post must carry: it names this job's state change
     */
    Optional<NoticeDraft> onStateChange(AgentJob job, String idempotencyKey);

    /** The agent state the job last reported, once its conversation exists; empty before that. */
    static Optional<AgentState> reportedState(AgentJob job) {
        if (job.getConversationId() == null) {
            return Optional.empty();
        }
        return Arrays.stream(AgentState.values()).filter(s -> s.id().equals(job.getAgentState())).findFirst();
    }
}
