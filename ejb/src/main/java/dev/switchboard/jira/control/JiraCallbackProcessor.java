package dev.switchboard.jira.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.AgentServer;
import dev.switchboard.jobs.control.AgentState;
import dev.switchboard.jobs.control.CallbackProcessor;
import dev.switchboard.jobs.control.NoticeDraft;
import dev.switchboard.jobs.entity.AgentJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells the Jira issue where a job was asked what became of it: the agent's final message with the link when it
 * finished, what it waits for, and a clear word on error, stop and rate limit ({@link JiraMessages}).
 */
@ApplicationScoped
public class JiraCallbackProcessor implements CallbackProcessor {

    @Override
    public Platform platform() {
        return Platform.JIRA;
    }

    @Override
    public Optional<NoticeDraft> onStateChange(AgentJob job, String idempotencyKey) {
        Optional<AgentState> state = Arrays.stream(AgentState.values())
                .filter(s -> s.id().equals(job.getAgentState())).findFirst();
        if (state.isEmpty() || job.getConversationId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(JiraMessages.stateChanged(state.get(), job.getAgentMessage(),
                        AgentServer.conversationLink(job.getConversationId())))
                .map(text -> new NoticeDraft(job.getId(), Platform.JIRA, JiraJobs.COMMENT, idempotencyKey,
                        job.getAnswerTo(), text));
    }
}
