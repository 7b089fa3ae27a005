package io.github.youshu.delivery.memory;

import java.util.List;

import io.github.youshu.delivery.BatchRelay;
import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.DeliveryTransport;
import io.github.youshu.delivery.RequestFailureState;
import io.github.youshu.delivery.RoutedTransport;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.TransactionAwareEventDispatcher;
import io.github.youshu.delivery.YoushuDeliveryListener;
import io.github.youshu.transport.YoushuTransport;

/** The memory delivery wired as the auto-configuration wires it, for tests. */
public final class MemoryDelivery implements AutoCloseable {

    public final DeliverySettings settings;

    public final DeliveryStatistics statistics = new DeliveryStatistics();

    public final LossReporter lossReporter = new LossReporter();

    public final DeadLetters deadLetters;

    public final MemoryEventStore store;

    public final BatchRelay relay;

    public final TransactionAwareEventDispatcher dispatcher;

    public final MemoryDeliveryLifecycle lifecycle;

    public MemoryDelivery(DeliverySettings settings, YoushuTransport transport, YoushuDeliveryListener... listeners) {
        this(settings, RoutedTransport.eventsOnly(transport), listeners);
    }

    /** With a transport for every route (behaviour events and data-api items). */
    public MemoryDelivery(DeliverySettings settings, DeliveryTransport transport, YoushuDeliveryListener... listeners) {
        this.settings = settings;
        this.deadLetters = new DeadLetters(settings.deadLetterCapacity());
        this.store = new MemoryEventStore(settings, deadLetters, statistics, lossReporter);
        this.relay = new BatchRelay(store, transport, settings, settings.pollInterval(), statistics, lossReporter,
                List.of(listeners), new RequestFailureState());
        this.dispatcher = new TransactionAwareEventDispatcher(store, statistics, lossReporter);
        this.lifecycle = new MemoryDeliveryLifecycle(store, relay, lossReporter, statistics, settings.shutdownTimeout());
    }

    public MemoryDelivery start() {
        lifecycle.start();
        return this;
    }

    /** Queued, waiting and in-flight events: those without a final outcome. */
    public long unsettled() {
        return store.heldCount();
    }

    /** Whether {@code accepted = sent + queued + in flight + dropped + dead-lettered} holds now. */
    public boolean balanced() {
        DeliveryStatistics.EventCounts total = statistics.snapshot().total();
        return total.accepted() == total.sent() + unsettled() + total.dropped() + total.deadLettered();
    }

    @Override
    public void close() {
        relay.stop();
    }
}
