package dev.switchboard.jobs.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.entity.JobNotice;
import java.time.Instant;
import java.util.Objects;

/**
 * A post to make once: its idempotency key names the occasion (e.g. {@code job:<id>:ack-comment},
 * {@code job:<id>:state:3}), never the text, so a retry that words it differently still finds it.
 *
 * @param jobId null for a post that belongs to no job
 */
public record NoticeDraft(String jobId, Platform platform, String kind, String idempotencyKey, String target,
                          String body) {

    public NoticeDraft {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(target);
        Objects.requireNonNull(body);
    }

    JobNotice toNotice(Instant now) {
        return new JobNotice(jobId, platform, kind, idempotencyKey, target, body, now);
    }
}
