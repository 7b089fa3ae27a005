package io.github.youshu.delivery.memory;

import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;

import io.github.youshu.delivery.BatchRelay;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LossReason;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.OutboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the relay with the application context and, when the context stops, drains the memory
 * queue: new events are refused (counted as dropped); queued events and those waiting for a retry
 * get a last attempt at once, and sending goes on for at most the shutdown timeout. What is still
 * left then (queued, waiting for a retry, or in a request Youshu has not answered, which is
 * interrupted) is lost with the process: it is counted as dropped under
 * {@link LossReason#SHUTDOWN} and logged with every order id, so that each event stays findable.
 * Stopping finishes within the timeout (plus at most
 * {@value io.github.youshu.delivery.BatchRelay#INTERRUPT_GRACE_SECONDS} s for interrupted requests)
 * even when Youshu is down or hangs.
 *
 * <p>Stops in phase {@link #PHASE}, after the embedded web server has stopped taking requests, so
 * that the events of the last requests are still delivered.
 */
public final class MemoryDeliveryLifecycle implements SmartLifecycle {

    /** Below Spring Boot's web server phases (stopped later than the web server). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(MemoryDeliveryLifecycle.class);

    /** Most order ids in one log line listing the events lost at shutdown. */
    static final int ORDER_IDS_PER_LINE = 100;

    private final MemoryEventStore store;

    private final BatchRelay relay;

    private final LossReporter lossReporter;

    private final DeliveryStatistics statistics;

    private final Duration shutdownTimeout;

    private volatile boolean running;

    /**
     * @param statistics      counts the events lost at shutdown as dropped
     * @param shutdownTimeout how long stopping sends before it gives the rest up
     */
    public MemoryDeliveryLifecycle(MemoryEventStore store, BatchRelay relay, LossReporter lossReporter,
            DeliveryStatistics statistics, Duration shutdownTimeout) {
        this.store = store;
        this.relay = relay;
        this.lossReporter = lossReporter;
        this.statistics = statistics;
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
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        store.close();
        relay.trigger();
        try {
            // data-api items that cannot be sent (data source id unknown) are not waited for
            store.awaitSettled(shutdownTimeout, relay::canSend);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        int unanswered = relay.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        List<OutboundEvent> lost = store.takeUndelivered();
        if (lost.isEmpty()) {
            lossReporter.flush();
            log.info("Youshu delivery stopped with no event left undelivered");
            return;
        }
        String detail = "not sent within " + shutdownTimeout;
        for (OutboundEvent event : lost) {
            statistics.countDropped(event.type());
            lossReporter.report(LossReason.SHUTDOWN, event, detail);
        }
        lossReporter.flush();
        log.warn("Youshu delivery stopped with {} events left undelivered after waiting up to {} (queued, waiting "
                + "for a retry, or {} in requests Youshu had not answered, whose outcome is unknown); they are lost "
                + "with this process, counted as dropped ({}); their order ids follow. Raise "
                + "youshu.delivery.shutdown-timeout, or use the outbox to keep events across restarts",
                lost.size(), shutdownTimeout, unanswered, LossReason.SHUTDOWN.description());
        for (int from = 0; from < lost.size(); from += ORDER_IDS_PER_LINE) {
            List<OutboundEvent> chunk = lost.subList(from, Math.min(lost.size(), from + ORDER_IDS_PER_LINE));
            StringJoiner orderIds = new StringJoiner(", ");
            chunk.forEach(event -> orderIds.add(event.type() + " " + event.orderId()));
            log.warn("Youshu events lost at shutdown ({}-{} of {}): {}", from + 1, from + chunk.size(), lost.size(),
                    orderIds);
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
