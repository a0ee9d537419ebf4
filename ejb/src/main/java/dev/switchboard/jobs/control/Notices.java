package dev.switchboard.jobs.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.jobs.entity.NoticeStatus;
import dev.switchboard.ratelimits.control.RateLimitedException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts each notice once. The key is committed (own transaction) before the platform call, "sending" is committed
 * right before the call and the notice is marked POSTED (own transaction) after it; a failed post is counted and
 * rethrown so the caller's retry (delivery or callback message) tries again, until JOB_NOTICE_MAX_ATTEMPTS make it
 * DEAD. An attempt that finds an earlier send without its outcome (a crash between the post and its mark, or a
 * failure after the platform may have taken it) first asks the platform's poster whether the post is there
 * ({@link NoticePoster#findPosted}, by the marker the post carries) and posts only if it is not: exactly once
 * where the platform can be asked, at least once where it cannot.
 */
@Stateless
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class.getName());

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    @Any
    Instance<NoticePoster> posters;

    @Inject
    @ConfigProperty(name = "job.notice.max.attempts", defaultValue = "5")
    int maxAttempts;

    /** Posts the draft unless a notice with its key was posted already (or is DEAD); returns the notice. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JobNotice postOnce(NoticeDraft draft) {
        Notices self = context.getBusinessObject(Notices.class);
        JobNotice notice = self.prepare(draft);
        return notice.isPending() ? self.deliver(notice.getId()) : notice;
    }

    /** Stores the draft's key, or finds the notice an earlier attempt stored under it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public JobNotice prepare(NoticeDraft draft) {
        Optional<JobNotice> existing = byKey(draft.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        JobNotice notice = draft.toNotice(Instant.now());
        em.persist(notice);
        return notice;
    }

    /** Posts a stored, pending notice; the platform call runs outside any transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JobNotice deliver(String noticeId) {
        Notices self = context.getBusinessObject(Notices.class);
        JobNotice notice = em.find(JobNotice.class, noticeId);
        if (notice == null || !notice.isPending()) {
            return notice;
        }
        NoticePoster poster = poster(notice.getPlatform());
        String postedId;
        try {
            if (self.sending(noticeId)) {
                Optional<String> earlier = poster.findPosted(notice);
                if (earlier.isPresent()) {
                    LOG.info(() -> "notice " + notice.getIdempotencyKey() + " was posted by an earlier attempt: "
                            + "found on " + notice.getPlatform().id() + ", not posted again");
                    return self.posted(noticeId, earlier.get());
                }
            }
            postedId = poster.post(notice);
        } catch (RateLimitedException e) {
            throw e; // not the post's fault: waited out by the caller, not counted
        } catch (RuntimeException e) {
            self.failed(noticeId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
        return self.posted(noticeId, postedId);
    }

    /** Commits that a post is going out; true when an earlier one went out without a recorded outcome. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean sending(String noticeId) {
        return em.find(JobNotice.class, noticeId).sending(Instant.now());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public JobNotice posted(String noticeId, String postedId) {
        JobNotice notice = em.find(JobNotice.class, noticeId);
        notice.posted(postedId, Instant.now());
        return notice;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String noticeId, String error) {
        JobNotice notice = em.find(JobNotice.class, noticeId);
        if (notice != null && notice.failed(error, maxAttempts, Instant.now())) {
            LOG.warning(() -> "notice " + notice.getIdempotencyKey() + " is DEAD after " + notice.getAttempts()
                    + " attempts: " + error);
        }
    }

    /** An operator's second chance for a DEAD notice: pending again, then posted. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<JobNotice> replay(String noticeId) {
        Notices self = context.getBusinessObject(Notices.class);
        if (!self.revive(noticeId)) {
            return Optional.ofNullable(em.find(JobNotice.class, noticeId));
        }
        return Optional.of(self.deliver(noticeId));
    }

    /**
     * {@link #replay} for an operator: a post the platform refuses again is recorded (and DEAD again once its
     * attempts are used up) and answered with the notice as it stands, not thrown.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<JobNotice> replayDead(String noticeId) {
        Notices self = context.getBusinessObject(Notices.class);
        try {
            return self.replay(noticeId);
        } catch (RateLimitedException e) {
            throw e;
        } catch (RuntimeException e) {
            return Optional.ofNullable(em.find(JobNotice.class, noticeId));
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<JobNotice> find(String noticeId) {
        return Optional.ofNullable(em.find(JobNotice.class, noticeId));
    }

    /** A job's notices, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<JobNotice> ofJob(String jobId) {
        return em.createNamedQuery(JobNotice.OF_JOB, JobNotice.class).setParameter("jobId", jobId).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean revive(String noticeId) {
        JobNotice notice = em.find(JobNotice.class, noticeId);
        return notice != null && notice.getStatus() == NoticeStatus.DEAD && notice.replay(Instant.now());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<JobNotice> byKey(String key) {
        return em.createNamedQuery(JobNotice.BY_KEY, JobNotice.class).setParameter("key", key)
                .getResultStream().findFirst();
    }

    private NoticePoster poster(Platform platform) {
        for (NoticePoster poster : posters) {
            if (poster.platform() == platform) {
                return poster;
            }
        }
        throw new IllegalStateException("no notice poster for " + platform.id());
    }
}
