package dev.switchboard.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/** {@link Metrics} on a server without a metrics API the application supports: the figures are dropped. */
@ApplicationScoped
public class UnrecordedMetrics implements Metrics {

    private static final Logger LOG = Logger.getLogger(UnrecordedMetrics.class.getName());

    /** Says once, at deployment, that /metrics will not carry the application's figures. */
    void deployed(@Observes @Initialized(ApplicationScoped.class) Object deployed, Metrics chosen) {
        if (chosen instanceof UnrecordedMetrics) {
            LOG.warning("no MicroProfile Metrics on this server: Switchboard's own figures are not recorded");
        }
    }

    @Override
    public void declareCounter(String name, String... tags) {
    }

    @Override
    public void count(String name, String... tags) {
    }

    @Override
    public void time(String name, Duration duration, String... tags) {
    }

    @Override
    public void gauge(String name, DoubleSupplier value, String... tags) {
    }
}
