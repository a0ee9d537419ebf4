package dev.switchboard.jobs.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.entity.AgentJob;
import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.jobs.entity.NoticeStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Tells the platform about one state change of a job: the platform's {@link CallbackProcessor} words it and
 * {@link Notices} posts it once. A message about an older change than the job's current one is dropped (the
 * newer change has its own message): users hear the latest state, once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CallbackProcessing {

    private static final Logger LOG = Logger.getLogger(CallbackProcessing.class.getName());

    @Inject
    JobRecords jobs;

    @Inject
    Notices notices;

    @Inject
    @Any
    Instance<CallbackProcessor> processors;

    /** Returns the notice posted (or found posted), empty when there was nothing to post. */
    public Optional<JobNotice> process(String jobId, int change) {
        AgentJob job = jobs.find(jobId).orElse(null);
        if (job == null) {
            LOG.warning(() -> "callback for unknown job " + jobId + " dropped");
            return Optional.empty();
        }
        if (job.getStateChanges() != change) {
            return Optional.empty();
        }
        Optional<NoticeDraft> draft = processor(job.getPlatform()).onStateChange(job, key(jobId, change));
        return draft.map(notices::postOnce);
    }

    /** Whether the notice for this change ended DEAD (no further retries wanted). */
    public static boolean isDead(Optional<JobNotice> notice) {
        return notice.isPresent() && notice.get().getStatus() == NoticeStatus.DEAD;
    }

    static String key(String jobId, int change) {
        return "job:" + jobId + ":state:" + change;
    }

    private CallbackProcessor processor(Platform platform) {
        for (CallbackProcessor processor : processors) {
            if (processor.platform() == platform) {
                return processor;
            }
        }
        throw new IllegalStateException("no callback processor for " + platform.id());
    }
}
