package dev.switchboard.jobs.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.entity.AgentJob;
import java.util.List;
import java.util.Objects;

/**
 * A job request that may follow up the requester's job in the same thread, as a platform describes it to
 * {@link FollowUps}.
 *
 * @param requester       as the platform stores it on its jobs (login, username, user id)
 * @param text            what the requester wrote; null for a request without text (a label), never a follow-up
 * @param answerTo        where the job's posts go from now on (the follow-up's place), or null to keep the job's
 * @param noticeKind      the platform's kind of post for {@code couldNotPass}
 * @param couldNotPass    what the requester is told once when the agent server refuses the message
 * @param acknowledgement the platform's "on it" posts for a follow-up passed on
 */
public record FollowUp(String deliveryId, Platform platform, String threadKey, String requester, String text,
                       String answerTo, String noticeKind, String couldNotPass, Acknowledgement acknowledgement) {

    public FollowUp {
        Objects.requireNonNull(deliveryId);
        Objects.requireNonNull(platform);
        Objects.requireNonNull(threadKey);
        Objects.requireNonNull(requester);
        Objects.requireNonNull(noticeKind);
        Objects.requireNonNull(couldNotPass);
        Objects.requireNonNull(acknowledgement);
    }

    /** The posts that acknowledge a follow-up, as for a new job; each carries {@code key} plus a suffix of its own. */
    @FunctionalInterface
    public interface Acknowledgement {
        List<NoticeDraft> drafts(AgentJob job, String key, String conversationLink);
    }
}
