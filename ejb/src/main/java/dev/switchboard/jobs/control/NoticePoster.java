package dev.switchboard.jobs.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.entity.JobNotice;

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
}
