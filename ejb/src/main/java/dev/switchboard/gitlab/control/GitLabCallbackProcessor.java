package dev.switchboard.gitlab.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.CallbackProcessor;
import dev.switchboard.jobs.control.MarkdownMessages;
import dev.switchboard.jobs.control.NoticeDraft;
import dev.switchboard.jobs.entity.AgentJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Tells the GitLab discussion where a job was asked what became of it, in the words of
 * {@link MarkdownMessages#forStateOf}: a reply with the summary and the link when the agent finished, and a word on
 * waiting for input, error, stop and rate limit.
 */
@ApplicationScoped
public class GitLabCallbackProcessor implements CallbackProcessor {

    @Override
    public Platform platform() {
        return Platform.GITLAB;
    }

    @Override
    public Optional<NoticeDraft> onStateChange(AgentJob job, String idempotencyKey) {
        return MarkdownMessages.forStateOf(job).map(text -> new NoticeDraft(job.getId(), Platform.GITLAB,
                GitLabNoticePoster.REPLY, idempotencyKey, job.getAnswerTo(), text));
    }
}
