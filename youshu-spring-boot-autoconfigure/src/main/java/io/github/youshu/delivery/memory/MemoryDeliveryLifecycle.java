package io.github.youshu.delivery.memory;

import java.time.Duration;

import io.github.youshu.delivery.BatchRelay;
import io.github.youshu.delivery.LossReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the relay with the application context and, when the context stops, drains the memory
 * queue: new events are refused (counted as dropped), queued events are sent for at most the
 * shutdown timeout, and the number of events left undelivered is logged. Stopping finishes within
 * the timeout even when Youshu is down or hangs: requests still in flight are then abandoned.
 *
 * <p>Stops in phase {@link #PHASE}, after the embedded web server has stopped taking requests, so
 * that the events of the last requests are still delivered.
 */
public final class MemoryDeliveryLifecycle implements SmartLifecycle {

    /** Below Spring Boot's web server phases (stopped later than the web server). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(MemoryDeliveryLifecycle.class);

    private final MemoryEventStore store;

    private final BatchRelay relay;

    private final LossReporter lossReporter;

    private final Duration shutdownTimeout;

    private volatile boolean running;

    public MemoryDeliveryLifecycle(MemoryEventStore store, BatchRelay relay, LossReporter lossReporter,
            Duration shutdownTimeout) {
        this.store = store;
        this.relay = relay;
        this.lossReporter = lossReporter;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public void start() {
        store.open();
        relay.start();
        running = true;
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        store.close();
        relay.trigger();
        try {
            store.awaitEmpty(shutdownTimeout);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        relay.stop();
        lossReporter.flush();
        long undelivered = store.heldCount();
        if (undelivered == 0) {
            log.info("Youshu delivery stopped with no event left undelivered");
        }
        else {
            log.warn("Youshu delivery stopped with {} events left undelivered after waiting up to {} (queued, waiting "
                    + "for a retry, or in flight with unknown outcome); they are lost with this process",
                    undelivered, shutdownTimeout);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
