package io.github.youshu.delivery.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.youshu.delivery.DeferredEvent;
import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.LogCapture;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.MutableClock;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.OverflowPolicy;
import io.github.youshu.delivery.StoredEvent;
import io.github.youshu.delivery.TestEvents;
import io.github.youshu.delivery.TestSettings;
import io.github.youshu.delivery.TransactionAwareEventDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.youshu.delivery.TestEvents.event;
import static io.github.youshu.delivery.TestEvents.eventOfSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Issue 14 item 1: deferred events (validated and serialized on the relay's thread) in the memory
 * store. They count at their estimate until a claim prepares them, then at their exact size; the
 * byte bound refuses them when full; invalid ones leave the store counted invalid (by their
 * preparation), not accepted; order is kept; eviction and shutdown prepare them first.
 */
class MemoryEventStoreDeferredTest {

    private static final Duration FLUSH = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock();

    private final DeliveryStatistics statistics = new DeliveryStatistics();

    private final LogCapture log = LogCapture.of(LossReporter.class);

    /** The threads that prepared events, in order. */
    private final List<String> preparedOn = new ArrayList<>();

    private MemoryEventStore store = store(TestSettings.quick().queue(100, 2000, OverflowPolicy.DROP_NEWEST)
            .batch(3, 1000).flushInterval(FLUSH));

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void aDeferredEventIsPreparedByTheClaimNotWhenAppended() {
        AtomicInteger prepared = new AtomicInteger();
        assertThat(store.appendDeferred(deferred(1, 100, () -> {
            prepared.incrementAndGet();
            return event(1);
        }))).isTrue();

        assertThat(prepared).hasValue(0);
        assertThat(store.pendingCount()).isEqualTo(1);
        assertThat(statistics.snapshot().total().accepted()).as("accepted once known valid").isZero();

        clock.advance(FLUSH);
        assertThat(seqs(store.claim(3, 1000))).containsExactly(1);
        assertThat(prepared).hasValue(1);
        assertThat(statistics.snapshot().total().accepted()).isEqualTo(1);
    }

    @Test
    void theQueueBoundCountsTheEstimateUntilTheExactSizeIsKnown() {
        // 2,000 bytes at most: one estimate of 1,500 fits, a second does not
        assertThat(store.appendDeferred(deferred(1, 1500, () -> eventOfSize(1, 100)))).isTrue();
        assertThat(store.appendDeferred(deferred(2, 1500, () -> eventOfSize(2, 100)))).as("the bound refuses").isFalse();
        assertThat(statistics.snapshot().total()).as("a refusal is left to the dispatcher to count")
                .isEqualTo(DeliveryStatistics.EventCounts.NONE);

        assertThat(store.claim(3, 1000)).as("a partial batch waits").isEmpty();

        // prepared: it now counts its 100 bytes, so another estimate of 1,500 fits
        assertThat(store.appendDeferred(deferred(3, 1500, () -> eventOfSize(3, 100)))).isTrue();
    }

    @Test
    void aDeferredEventFoundInvalidLeavesTheStoreWithoutBeingAccepted() {
        store.appendDeferred(deferred(1, 100, () -> null));
        store.appendDeferred(deferred(2, 100, () -> event(2)));

        clock.advance(FLUSH);
        assertThat(seqs(store.claim(3, 1000))).containsExactly(2);

        assertThat(store.heldCount()).isEqualTo(1);
        assertThat(statistics.snapshot().total().accepted()).isEqualTo(1);
        assertThat(store.pendingCount()).as("the valid one is in flight, the invalid one gone").isZero();
    }

    @Test
    void deferredAndPreparedEventsLeaveInTheOrderTheyCame() {
        store.append(TestEvents.orderEvent(1, "X"));
        store.appendDeferred(deferred(2, 100, () -> TestEvents.orderEvent(2, "X")));
        store.append(TestEvents.orderEvent(3, "X"));

        List<StoredEvent> batch = store.claim(3, 1000);

        assertThat(batch).extracting(stored -> stored.event().jsonAsString())
                .containsExactly("{\"type\":\"custom_order\",\"seq\":1}", "{\"type\":\"custom_order\",\"seq\":2}",
                        "{\"type\":\"custom_order\",\"seq\":3}");
    }

    @Test
    void anEventAppendedPreparedWaitsForTheDeferredEventsBeforeItThatAreNotPreparedYet() {
        store.append(TestEvents.orderEvent(0, "Z"));
        List<StoredEvent> z0 = store.claim(1, 1000);
        store.appendDeferred(new DeferredEvent("custom_order", "Z", 100, () -> TestEvents.orderEvent(1, "Z")));
        store.appendDeferred(new DeferredEvent("custom_order", "Y", 100, () -> TestEvents.orderEvent(2, "Y")));
        store.appendDeferred(new DeferredEvent("custom_order", "X", 100, () -> TestEvents.orderEvent(3, "X")));
        // the caller prepared this one itself (e.g. refused at its estimate): it must not overtake X3
        store.append(TestEvents.orderEvent(4, "X"));

        // prepares Z1 and Y2 (two at most); Z1 waits for Z0 in flight; X4 waits for X3, not prepared yet;
        // the partial batch (Y2 alone) goes once it has waited the flush interval
        clock.advance(FLUSH);
        assertThat(jsonSeqs(store.claim(2, 1000))).containsExactly(2);

        store.markDelivered(z0);
        clock.advance(FLUSH);
        assertThat(jsonSeqs(store.claim(5, 1000))).containsExactly(1, 3, 4);
    }

    @Test
    void whenTheRelayIsBehindCallersPrepareTheirOwnEventsAgain() {
        store = store(TestSettings.quick().queue(100, 100_000, OverflowPolicy.DROP_NEWEST).batch(1, 1000).flushInterval(FLUSH));
        for (int i = 1; i <= MemoryEventStore.UNPREPARED_BATCHES; i++) {
            assertThat(store.appendDeferred(deferred(i, 100, () -> event(1)))).isTrue();
        }

        assertThat(store.appendDeferred(deferred(9, 100, () -> event(9)))).as("four batches wait to be prepared").isFalse();
        assertThat(store.append(event(9))).as("prepared by the caller, it is taken").isTrue();
    }

    @Test
    void aFullBatchOfDeferredEventsIsSignalledAndPreparedOnTheClaimingThread() throws InterruptedException {
        AtomicInteger signals = new AtomicInteger();
        store.onBatchReady(signals::incrementAndGet);
        for (int i = 1; i <= 3; i++) {
            int seq = i;
            store.appendDeferred(deferred(seq, 100, () -> {
                preparedOn.add(Thread.currentThread().getName());
                return event(seq);
            }));
        }
        assertThat(signals).hasValue(1);

        List<List<StoredEvent>> claimed = new ArrayList<>();
        Thread relay = new Thread(() -> claimed.add(store.claim(3, 1000)), "youshu-delivery-test");
        relay.start();
        relay.join();

        assertThat(seqs(claimed.get(0))).containsExactly(1, 2, 3);
        assertThat(preparedOn).containsOnly("youshu-delivery-test");
    }

    @Test
    void anEvictedDeferredEventIsPreparedAndReportedWithItsOrderId() {
        store = store(TestSettings.quick().queue(1, 100_000, OverflowPolicy.DROP_OLDEST).batch(5, 1000).flushInterval(FLUSH));
        store.appendDeferred(deferred(1, 100, () -> event(1)));

        assertThat(store.append(event(2))).isTrue();

        assertThat(statistics.snapshot().total().accepted()).as("the evicted event and the new one").isEqualTo(1);
        assertThat(statistics.snapshot().total().dropped()).isEqualTo(1);
        assertThat(log.warnings()).singleElement().asString().contains("order order-1");
        clock.advance(FLUSH);
        assertThat(seqs(store.claim(5, 1000))).containsExactly(2);
    }

    @Test
    void atShutdownDeferredEventsArePreparedAndHandedOverLast() {
        store.append(event(1));
        store.appendDeferred(deferred(2, 100, () -> event(2)));
        store.appendDeferred(deferred(3, 100, () -> null));

        List<OutboundEvent> left = store.takeUndelivered();

        assertThat(left).extracting(OutboundEvent::orderId).containsExactly("order-1", "order-2");
        assertThat(store.heldCount()).isZero();
        assertThat(statistics.snapshot().total().accepted()).as("only the deferred valid one is counted here")
                .isEqualTo(1);
    }

    @Test
    void afterCloseADeferredEventIsRefusedSoThatTheDispatcherPreparesItAndCountsTheRefusal() {
        LossReporter losses = new LossReporter();
        TransactionAwareEventDispatcher dispatcher = new TransactionAwareEventDispatcher(store, statistics, losses);
        store.close();

        AtomicInteger preparedHere = new AtomicInteger();
        assertThat(dispatcher.dispatch(deferred(1, 100, () -> {
            preparedHere.incrementAndGet();
            return event(1);
        }))).isFalse();

        assertThat(preparedHere).hasValue(1);
        DeliveryStatistics.EventCounts counts = statistics.snapshot().total();
        assertThat(counts.accepted()).isEqualTo(1);
        assertThat(counts.dropped()).isEqualTo(1);
        assertThat(log.warnings()).singleElement().asString().contains("order-1").contains("shutting down");
    }

    @Test
    void aFullQueueRefusesADeferredEventThroughTheDispatcherAsItRefusesAnyOther() {
        store = store(TestSettings.quick().queue(1, 100_000, OverflowPolicy.DROP_NEWEST).batch(5, 1000).flushInterval(FLUSH));
        TransactionAwareEventDispatcher dispatcher = new TransactionAwareEventDispatcher(store, statistics, new LossReporter());
        assertThat(dispatcher.dispatch(event(1))).isTrue();

        assertThat(dispatcher.dispatch(deferred(2, 100, () -> event(2)))).isFalse();

        assertThat(statistics.snapshot().total().dropped()).isEqualTo(1);
        assertThat(log.warnings()).singleElement().asString().contains("order-2");
    }

    @Test
    void onlyAStoreThatDoesNotJoinTransactionsLetsTheDispatcherDeferPreparation() {
        assertThat(new TransactionAwareEventDispatcher(store, statistics, new LossReporter()).defersPreparation()).isTrue();
        EventStore outbox = mock(EventStore.class);
        given(outbox.joinsTransaction()).willReturn(true);
        given(outbox.acceptsDeferred()).willReturn(true);
        given(outbox.append(any())).willReturn(true);
        TransactionAwareEventDispatcher dispatcher = new TransactionAwareEventDispatcher(outbox, statistics, new LossReporter());

        assertThat(dispatcher.defersPreparation()).isFalse();
        AtomicInteger preparedHere = new AtomicInteger();
        assertThat(dispatcher.dispatch(deferred(1, 100, () -> {
            preparedHere.incrementAndGet();
            return event(1);
        }))).isTrue();
        assertThat(preparedHere).as("prepared on the caller's thread, in its transaction").hasValue(1);
        then(outbox).should().append(argThat(event -> event.orderId().equals("order-1")));
        then(outbox).should(never()).appendDeferred(any());
    }

    private static List<Integer> jsonSeqs(List<StoredEvent> batch) {
        return batch.stream().map(stored -> stored.event().jsonAsString())
                .map(json -> Integer.parseInt(json.replaceAll(".*\"seq\":(\\d+).*", "$1"))).toList();
    }

    private static DeferredEvent deferred(int seq, long estimate, Supplier<OutboundEvent> preparation) {
        return new DeferredEvent("custom_order", "order-" + seq, estimate, preparation);
    }

    private MemoryEventStore store(TestSettings settings) {
        DeliverySettings built = settings.build();
        return new MemoryEventStore(built, new DeadLetters(10), statistics, new LossReporter(), clock);
    }

    private static List<Integer> seqs(List<StoredEvent> batch) {
        return batch.stream().map(StoredEvent::event).map(OutboundEvent::orderId)
                .map(id -> Integer.parseInt(id.substring("order-".length()))).toList();
    }
}
