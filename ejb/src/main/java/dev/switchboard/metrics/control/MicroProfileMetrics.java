package dev.switchboard.metrics.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@link Metrics} on the server's MicroProfile Metrics registry (Payara). An enabled alternative: where the
 * MicroProfile Metrics API is missing, CDI cannot load this class, skips it, and {@link UnrecordedMetrics} is
 * injected instead.
 */
@ApplicationScoped
@Alternative
@Priority(100)
public class MicroProfileMetrics implements Metrics {

    @Inject
    MetricRegistry registry;

    @Override
    public void declareCounter(String name, String... tags) {
        registry.counter(name, tags(tags));
    }

    @Override
    public void count(String name, String... tags) {
        registry.counter(name, tags(tags)).inc();
    }

    @Override
    public void time(String name, Duration duration, String... tags) {
        registry.timer(name, tags(tags)).update(duration);
    }

    @Override
    public void gauge(String name, DoubleSupplier value, String... tags) {
        registry.gauge(name, value, DoubleSupplier::getAsDouble, tags(tags));
    }

    static Tag[] tags(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("tags come in name/value pairs");
        }
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return tags;
    }
}
