package dev.switchboard.deliveries.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Queue depth as gauges, read from the database at each scrape ({@link QueueDepth}): the number of QUEUED
 * deliveries and the age of the oldest. NaN while the database does not answer, rather than a false zero.
 */
@ApplicationScoped
public class QueueDepthGauges {

    @Inject
    MetricRegistry metrics;

    @Inject
    QueueDepth depth;

    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        metrics.gauge("switchboard_queue_depth", depth, orNaN(QueueDepth::queued));
        metrics.gauge("switchboard_queue_oldest_seconds", depth, orNaN(d -> d.oldestAge(Instant.now()).toMillis() / 1000.0));
    }

    private static Function<QueueDepth, Double> orNaN(ToDoubleFunction<QueueDepth> read) {
        return d -> {
            try {
                return read.applyAsDouble(d);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
    }
}
