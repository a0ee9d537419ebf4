package dev.switchboard.jobs.control;

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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks the agent server about active conversations every {@code agent.poll.interval.ms} (AGENT_POLL_INTERVAL_MS,
 * default 30 s), for agent servers that do not push and for pushes that got lost. Every node runs its own
 * non-persistent timer; {@link JobPolls#claim} lets one node poll a job per round.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ConversationWatcher {

    private static final Logger LOG = Logger.getLogger(ConversationWatcher.class.getName());
    private static final long MIN_INTERVAL_MS = 1000;

    @Resource
    TimerService timers;

    @Inject
    JobPolls polls;

    @Inject
    AgentServer agentServer;

    @Inject
    JobStateChanges changes;

    @Inject
    @ConfigProperty(name = "agent.poll.interval.ms", defaultValue = "30000")
    long intervalMs;

    private final AtomicBoolean running = new AtomicBoolean();
    private Duration interval;

    @PostConstruct
    void schedule() {
        interval = Duration.ofMillis(Math.max(MIN_INTERVAL_MS, intervalMs));
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("conversation-watcher", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void poll() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous round is still asking
        }
        try {
            for (String jobId : polls.due(interval)) {
                Optional<String> conversation = polls.claim(jobId, interval);
                if (conversation.isPresent()) {
                    agentServer.report(conversation.get()).ifPresent(report -> changes.apply(conversation.get(), report));
                }
            }
        } catch (RuntimeException e) {
            // the agent server is down or its breaker open: the next round tries again
            LOG.log(Level.FINE, "polling conversations failed", e);
        } finally {
            running.set(false);
        }
    }
}
