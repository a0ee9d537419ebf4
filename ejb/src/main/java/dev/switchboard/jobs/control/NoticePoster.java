package dev.switchboard.jobs.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.entity.JobNotice;
import java.util.Optional;

/**
 * Makes a platform's posts (a comment, a reaction) through its governed client. Implemented once per platform;
 * {@link Notices} calls it only for a notice whose key is stored and not yet posted.
 */
public interface NoticePoster {

    Platform platform();

    /**
     * Posts the notice and returns the platform's id of what was posted (or null if it has none). Throwing means
     * "not posted": the notice is tried again; a {@code RateLimitedException} waits for the limit instead.
     */
    String post(JobNotice notice);

    /**
     * Asked before posting again after an attempt whose outcome is unknown (a crash between the post and its
     * record, or a failure after the platform may have taken it): the platform's id of the post if it is there
     * (found by the marker {@link #post} put in it), else empty, and the notice is posted again. Posters that
     * cannot look, or whose posts are idempotent at the platform anyway (reactions), keep this default.
     */
    default Optional<String> findPosted(JobNotice notice) {
        return Optional.empty();
    }
}
