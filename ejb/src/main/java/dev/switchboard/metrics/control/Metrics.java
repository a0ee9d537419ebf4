package dev.switchboard.metrics.control;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The application's figures (counters, timers, gauges), named and tagged as they appear at {@code /metrics}.
 * Application code records through this interface, not through a server's metrics API: Payara serves
 * MicroProfile Metrics ({@link MicroProfileMetrics}), while current WildFly ships no MicroProfile Metrics at
 * all, and an EAR whose beans inject {@code MetricRegistry} does not deploy there. Where no implementation can
 * load, {@link UnrecordedMetrics} takes the figures and drops them, and the application runs unmeasured.
 *
 * <p>Tags are given as name/value pairs: {@code count("x_total", "platform", "github")}.
 */
public interface Metrics {

    /** Creates the counter at 0 if it does not exist yet, so that rates start from a known value. */
    void declareCounter(String name, String... tags);

    void count(String name, String... tags);

    void time(String name, Duration duration, String... tags);

    /** A gauge read on each scrape; registered once per name and tags. */
    void gauge(String name, DoubleSupplier value, String... tags);
}
