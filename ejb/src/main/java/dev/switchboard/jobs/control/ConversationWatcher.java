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
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Asks the agent server about active conversations every {@code agent.poll.interval.ms} (AGENT_POLL_INTERVAL_MS,
 * default 30 s, at least 1 s), for agent servers that do not push and for pushes that got lost. Every node runs its
 * own non-persistent timer, ticking every second and polling once the interval — read on every tick, like all
 * configuration — has passed; {@link JobPolls#claim} lets one node poll a job per round. A conversation the server
 * will not report on is skipped, not a reason to leave the others unasked.
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

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long lastRound = System.nanoTime();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(MIN_INTERVAL_MS, MIN_INTERVAL_MS, new TimerConfig("conversation-watcher", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void poll() {
        Duration interval = interval();
        if (System.nanoTime() - lastRound < interval.toNanos() || !running.compareAndSet(false, true)) {
            return; // not due yet, or the previous round is still asking
        }
        try {
            lastRound = System.nanoTime();
            for (String jobId : polls.due(interval)) {
                Optional<String> conversation = polls.claim(jobId, interval);
                if (conversation.isPresent()) {
                    ask(conversation.get());
                }
            }
        } catch (AgentServerUnavailableException | CircuitBreakerOpenException e) {
            // the agent server is down or its breaker open: the next round tries again
            LOG.log(Level.FINE, "polling conversations stopped for this round", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "polling conversations failed", e);
        } finally {
            running.set(false);
        }
    }

    private void ask(String conversationId) {
        try {
            agentServer.report(conversationId).ifPresent(report -> changes.apply(conversationId, report));
        } catch (AgentServerException e) {
            LOG.fine(() -> "conversation " + conversationId + " not polled: " + e.getMessage());
        }
    }

    private static Duration interval() {
        long ms = ConfigProvider.getConfig().getOptionalValue("agent.poll.interval.ms", Long.class).orElse(30_000L);
        return Duration.ofMillis(Math.max(MIN_INTERVAL_MS, ms));
    }
}
