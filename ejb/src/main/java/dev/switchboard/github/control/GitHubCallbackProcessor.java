package dev.switchboard.github.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.CallbackProcessor;
import dev.switchboard.jobs.control.MarkdownMessages;
import dev.switchboard.jobs.control.NoticeDraft;
import dev.switchboard.jobs.entity.AgentJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Tells the GitHub issue or pull request where a job was asked what became of it, in the words of
 * {@link MarkdownMessages#forStateOf}.
 */
@ApplicationScoped
public class GitHubCallbackProcessor implements CallbackProcessor {

    @Override
    public Platform platform() {
        return Platform.GITHUB;
    }

    @Override
    public Optional<NoticeDraft> onStateChange(AgentJob job, String idempotencyKey) {
        return MarkdownMessages.forStateOf(job).map(text -> new NoticeDraft(job.getId(), Platform.GITHUB,
                GitHubNoticePoster.COMMENT, idempotencyKey, job.getAnswerTo(), text));
    }
}
