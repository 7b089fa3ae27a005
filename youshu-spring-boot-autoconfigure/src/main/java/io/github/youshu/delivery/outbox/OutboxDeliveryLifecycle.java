package io.github.youshu.delivery.outbox;

import io.github.youshu.delivery.BatchRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the outbox relay with the application and stops it on shutdown. Nothing is lost on stop:
 * the events stay in the table; a batch in flight is sent again by the next relay (this instance
 * after a restart, or another instance) once its lease expires.
 */
public final class OutboxDeliveryLifecycle implements SmartLifecycle {

    /** Stops after the web server, like the memory mode, so the last requests' events are written. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(OutboxDeliveryLifecycle.class);

    private final JdbcOutboxStore store;
    private final BatchRelay relay;
    private volatile boolean running;

    public OutboxDeliveryLifecycle(JdbcOutboxStore store, BatchRelay relay) {
        this.store = store;
        this.relay = relay;
    }

    @Override
    public void start() {
        relay.start();
        running = true;
    }

    @Override
    public void stop() {
        relay.stop();
        running = false;
        try {
            log.info("Youshu outbox relay stopped; {} events wait in table {} for the next relay",
                    store.pendingCount(), store.settings().tableName());
        }
        catch (RuntimeException ex) {
            log.info("Youshu outbox relay stopped; events wait in table {} for the next relay", store.settings().tableName());
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
