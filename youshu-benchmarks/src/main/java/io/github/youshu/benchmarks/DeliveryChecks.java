package io.github.youshu.benchmarks;

import io.github.youshu.delivery.DeliveryStatistics;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;

/** Fails a benchmark whose events were not all delivered, by the library's own statistics. */
public final class DeliveryChecks {

    private DeliveryChecks() {
    }

    /** The statistics bean of the context, or {@code null} when the application has none. */
    public static DeliveryStatistics statistics(ConfigurableApplicationContext context) {
        return context.getBeanProvider(DeliveryStatistics.class).getIfAvailable();
    }

    /**
     * Waits until every accepted event has an outcome (sent, dropped or dead-lettered), so that the
     * context closes with no request in flight; returns at once without statistics.
     */
    public static void awaitSettled(DeliveryStatistics statistics, Duration timeout) throws InterruptedException {
        if (statistics == null) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            DeliveryStatistics.EventCounts counts = statistics.snapshot().total();
            if (counts.sent() + counts.dropped() + counts.deadLettered() >= counts.accepted()) {
                return;
            }
            Thread.sleep(5);
        }
    }

    /**
     * @param what       names the benchmark in the failure
     * @param statistics the statistics read after the context closed (delivery drained), or {@code null}
     * @param received   how many events the transport or server received
     * @throws AssertionError when an event was invalid, dropped or dead-lettered, or when more or
     *                        fewer events were received than sent
     */
    public static void requireAllDelivered(String what, DeliveryStatistics statistics, long received) {
        if (statistics == null) {
            return;
        }
        DeliveryStatistics.EventCounts counts = statistics.snapshot().total();
        if (counts.invalid() > 0 || counts.dropped() > 0 || counts.deadLettered() > 0
                || counts.sent() != counts.accepted() || received != counts.sent()) {
            throw new AssertionError(what + ": not every reported event was delivered exactly once: " + counts
                    + ", received " + received);
        }
    }
}
