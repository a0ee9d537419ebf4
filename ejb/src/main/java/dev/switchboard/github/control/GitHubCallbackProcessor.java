package dev.switchboard.github.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.AgentServer;
import dev.switchboard.jobs.control.AgentState;
import dev.switchboard.jobs.control.CallbackProcessor;
import dev.switchboard.jobs.control.NoticeDraft;
import dev.switchboard.jobs.entity.AgentJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Tells the GitHub issue or pull request where a job was asked what became of it: the agent's final message
 * and the link when it finished, what it waits for, and — unlike the seed, whose jobs looked stuck — a clear
 * word on error, stop and rate limit.
 */
@ApplicationScoped
public class GitHubCallbackProcessor implements CallbackProcessor {

    @Override
    public Platform platform() {
        return Platform.GITHUB;
    }

    @Override
    public Optional<NoticeDraft> onStateChange(AgentJob job, String idempotencyKey) {
        AgentState state = CallbackProcessor.reportedState(job).orElse(null);
        if (state == null) {
            return Optional.empty();
        }
        String text = GitHubMessages.stateChanged(state, job.getRequester(), job.getAgentMessage(),
                AgentServer.conversationLink(job.getConversationId()));
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(new NoticeDraft(job.getId(), Platform.GITHUB, GitHubNoticePoster.COMMENT, idempotencyKey,
                job.getAnswerTo(), text));
    }
}
