package dev.switchboard.gitlab.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link GitLabHookUpkeep} every {@code gitlab.hooks.recheck.interval.ms} (GITLAB_HOOKS_RECHECK_INTERVAL_MS,
 * default one hour). A programmatic timer rather than {@code @Schedule}, whose interval cannot come from
 * configuration; not persistent: every node runs its own, and the upkeep's claim keeps them from checking
 * the same hook in the same round.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GitLabHookUpkeepTimer {

    private static final Logger LOG = Logger.getLogger(GitLabHookUpkeepTimer.class.getName());

    /** Below this the timer service's own minimum interval would apply anyway. */
    private static final long MIN_INTERVAL_MS = 1000;

    @Resource
    TimerService timers;

    @Inject
    GitLabHookUpkeep upkeep;

    @Inject
    @ConfigProperty(name = "gitlab.hooks.recheck.interval.ms", defaultValue = "3600000")
    long intervalMs;

    private final AtomicBoolean running = new AtomicBoolean();
    private Duration interval;

    @PostConstruct
    void schedule() {
        interval = Duration.ofMillis(Math.max(MIN_INTERVAL_MS, intervalMs));
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("gitlab-hook-upkeep", false));
        LOG.info(() -> "GitLab hooks are re-checked every " + interval.toMillis() + " ms");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void recheck() {
        // a round slower than the interval: the next one is skipped rather than queued behind it
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            int checked = upkeep.recheckDue(interval);
            if (checked > 0) {
                LOG.fine(() -> "re-checked " + checked + " GitLab hooks");
            }
        } catch (RuntimeException e) {
            // the timer must live on: the next round tries again
            LOG.log(Level.WARNING, "re-checking GitLab hooks failed", e);
        } finally {
            running.set(false);
        }
    }
}
