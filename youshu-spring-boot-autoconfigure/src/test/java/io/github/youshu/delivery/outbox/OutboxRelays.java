package io.github.youshu.delivery.outbox;

import java.time.Duration;
import java.util.List;

import io.github.youshu.delivery.BatchRelay;
import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.transport.YoushuTransport;

/** Wires the generic relay to an outbox store as the auto-configuration does, with quick retries. */
final class OutboxRelays {

    private OutboxRelays() {
    }

    /**
     * The delivery settings of a relay over the outbox: the defaults with retries after 10 ms up to
     * 100 ms, and the outbox's retry budget (unlimited unless set).
     */
    static DeliverySettings deliverySettings(OutboxSettings outbox) {
        DeliverySettings d = DeliverySettings.defaults();
        return new DeliverySettings(d.queueCapacity(), d.queueMaxBytes(), d.overflow(), d.maxBatchSize(),
                d.maxBatchBytes(), d.flushInterval(), d.concurrency(), Duration.ofMillis(10), 2.0,
                Duration.ofMillis(100), outbox.maxRetryDuration(), d.deadLetterCapacity(), d.shutdownTimeout());
    }

    /** A started relay that polls the store every {@link OutboxSettings#pollInterval()}. */
    static BatchRelay start(JdbcOutboxStore store, YoushuTransport transport, DeliveryStatistics statistics,
            LossReporter lossReporter) {
        BatchRelay relay = new BatchRelay(store, transport, deliverySettings(store.settings()),
                store.settings().pollInterval(), statistics, lossReporter, List.of());
        relay.start();
        return relay;
    }
}
