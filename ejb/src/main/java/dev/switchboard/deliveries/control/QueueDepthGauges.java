package dev.switchboard.deliveries.control;

import dev.switchboard.metrics.control.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Queue depth as gauges: the number of QUEUED deliveries and the age of the oldest ({@link QueueDepth}),
 * measured every 10 seconds in the application's own context and served from here. A scrape runs on the
 * metrics endpoint's thread, where the database cannot be reached through the application's EJBs. NaN while
 * the database does not answer, rather than a false zero.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class QueueDepthGauges {

    @Inject
    Metrics metrics;

    @Inject
    QueueDepth depth;

    private volatile double queued = Double.NaN;
    private volatile double oldestSeconds = Double.NaN;

    @PostConstruct
    void register() {
        measure();
        metrics.gauge("switchboard_queue_depth", () -> queued);
        metrics.gauge("switchboard_queue_oldest_seconds", () -> oldestSeconds);
    }

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void measure() {
        try {
            queued = depth.queued();
            oldestSeconds = depth.oldestAge(Instant.now()).toMillis() / 1000.0;
        } catch (RuntimeException e) {
            queued = Double.NaN;
            oldestSeconds = Double.NaN;
        }
    }
}
