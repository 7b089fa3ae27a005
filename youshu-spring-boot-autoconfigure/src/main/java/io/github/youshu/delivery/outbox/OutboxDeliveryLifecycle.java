package io.github.youshu.delivery.outbox;

import io.github.youshu.delivery.BatchRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the outbox relay with the application and stops it gracefully on shutdown, before the
 * DataSource is closed (a lifecycle stop runs before the beans are destroyed): no new batch is
 * claimed; requests in flight are awaited for up to {@code youshu.delivery.shutdown-timeout} and
 * their outcome recorded, so that an accepted batch is never sent again; rows claimed but not yet
 * sent are handed back at once. Nothing is lost: the events stay in the table for the next relay.
 * Only a request still unanswered when the timeout runs out is interrupted: its rows are sent again
 * (Youshu may already have them), like those of an instance that crashed after its lease expires.
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
        int unanswered = relay.stop();
        running = false;
        int stillClaimed = relay.claimedCount();
        String table = store.settings().tableName();
        String pending;
        try {
            pending = Long.toString(store.pendingCount());
        }
        catch (RuntimeException ex) {
            pending = "an unknown number of (the table could not be read: " + ex.getMessage() + ")";
        }
        if (unanswered == 0 && stillClaimed == 0) {
            log.info("Youshu outbox relay stopped; {} events wait in table {} for the next relay, none is claimed",
                    pending, table);
        }
        else {
            log.warn("Youshu outbox relay stopped; {} events wait in table {} for the next relay; {} were in requests"
                    + " Youshu had not answered within youshu.delivery.shutdown-timeout (interrupted, outcome unknown:"
                    + " they are sent again and Youshu may get them twice); {} are still claimed and wait for their"
                    + " lease ({}) to expire", pending, table, unanswered, stillClaimed, store.settings().leaseDuration());
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
