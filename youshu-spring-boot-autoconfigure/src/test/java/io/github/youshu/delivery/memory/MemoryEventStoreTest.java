package io.github.youshu.delivery.memory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LogCapture;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.MutableClock;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.OverflowPolicy;
import io.github.youshu.delivery.StoredEvent;
import io.github.youshu.delivery.TestEvents;
import io.github.youshu.delivery.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.youshu.delivery.TestEvents.event;
import static io.github.youshu.delivery.TestEvents.eventOfSize;
import static org.assertj.core.api.Assertions.assertThat;

class MemoryEventStoreTest {

    private static final Duration FLUSH = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock();

    private final DeliveryStatistics statistics = new DeliveryStatistics();

    private final DeadLetters deadLetters = new DeadLetters(10);

    private final LogCapture log = LogCapture.of(LossReporter.class);

    private MemoryEventStore store = store(TestSettings.quick().batch(3, 1000).flushInterval(FLUSH));

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void holdsAPartialBatchUntilItsOldestEventHasWaitedTheFlushInterval() {
        append(1, 2);

        assertThat(store.claim(3, 1000)).isEmpty();
        clock.advance(FLUSH.minusMillis(1));
        assertThat(store.claim(3, 1000)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(seqs(store.claim(3, 1000))).containsExactly(1, 2);
    }

    @Test
    void aFullBatchIsDueAtOnceOldestFirst() {
        append(1, 2, 3, 4);

        assertThat(seqs(store.claim(3, 1000))).containsExactly(1, 2, 3);
        assertThat(store.claim(3, 1000)).isEmpty();
        assertThat(store.pendingCount()).isEqualTo(1);
        assertThat(store.inFlightCount()).isEqualTo(3);
    }

    @Test
    void aBatchIsCutAtItsByteLimitButHoldsAtLeastOneEvent() {
        store.append(eventOfSize(1, 400));
        store.append(eventOfSize(2, 400));
        store.append(eventOfSize(3, 1500));
        store.append(eventOfSize(4, 40));

        assertThat(seqs(store.claim(3, 1000))).containsExactly(1, 2);
        assertThat(seqs(store.claim(3, 1000))).containsExactly(3);
        clock.advance(FLUSH);
        assertThat(seqs(store.claim(3, 1000))).containsExactly(4);
    }

    @Test
    void signalsWhenItsEventsMakeAFullBatch() {
        AtomicInteger signals = new AtomicInteger();
        store.onBatchReady(signals::incrementAndGet);

        append(1, 2);
        assertThat(signals).hasValue(0);
        append(3);
        assertThat(signals).hasValue(1);
    }

    @Test
    void signalsOncePerFillingNotOnEveryAppendWhileABatchWaits() {
        AtomicInteger signals = new AtomicInteger();
        store.onBatchReady(signals::incrementAndGet);

        append(1, 2, 3, 4, 5, 6);
        assertThat(signals).as("the batch filled once; later appends find it already full").hasValue(1);

        store.claim(3, 1000);
        store.claim(3, 1000);
        append(7, 8, 9);
        assertThat(signals).as("drained, then filled again").hasValue(2);
    }

    @Test
    void aFailingSignalDoesNotReachTheCaller() {
        store.onBatchReady(() -> {
            throw new IllegalStateException("relay gone");
        });

        assertThat(append(1, 2, 3)).isTrue();
        assertThat(store.pendingCount()).isEqualTo(3);
    }

    @Test
    void aRetriedEventIsDueAtItsTimeAndBeforeNewerEvents() {
        append(1, 2, 3);
        List<StoredEvent> batch = store.claim(3, 1000);
        store.markForRetry(batch, clock.instant().plusSeconds(5), "HTTP 503");

        clock.advance(Duration.ofSeconds(4));
        assertThat(store.claim(3, 1000)).isEmpty();
        append(4);
        clock.advance(Duration.ofSeconds(1));
        List<StoredEvent> retried = store.claim(3, 1000);

        assertThat(seqs(retried)).containsExactly(1, 2, 3);
        assertThat(retried).extracting(StoredEvent::attempts).containsOnly(1);
        assertThat(seqs(store.claim(3, 1000))).containsExactly(4);
    }

    @Test
    void deliveredEventsLeaveTheStore() {
        append(1, 2, 3);
        store.markDelivered(store.claim(3, 1000));

        assertThat(store.pendingCount()).isZero();
        assertThat(store.inFlightCount()).isZero();
    }

    @Test
    void deadEventsGoToTheDeadLetters() {
        append(1, 2, 3);
        List<StoredEvent> batch = store.claim(3, 1000);

        store.markDead(batch.subList(1, 2), "rejected by Youshu: code 40001");

        assertThat(deadLetters.list()).singleElement().satisfies(letter -> {
            assertThat(letter.event().orderId()).isEqualTo("order-2");
            assertThat(letter.reason()).isEqualTo("rejected by Youshu: code 40001");
        });
        assertThat(store.inFlightCount()).isEqualTo(2);
    }

    @Test
    void dropNewestRefusesEventsBeyondTheCapacityCountingInFlightAndWaitingEvents() {
        store = store(TestSettings.quick().queue(4, 100_000, OverflowPolicy.DROP_NEWEST).batch(2, 1000));
        append(1, 2, 3, 4);
        List<StoredEvent> inFlight = store.claim(2, 1000);
        store.markForRetry(store.claim(2, 1000).subList(0, 1), clock.instant().plusSeconds(60), "HTTP 503");

        assertThat(store.append(event(5))).isFalse();
        store.markDelivered(inFlight);
        assertThat(append(6, 7)).isTrue();
        assertThat(store.append(event(8))).isFalse();

        assertThat(statistics.snapshot().total().dropped()).isEqualTo(2);
        assertThat(log.warnings()).singleElement().asString()
                .contains("order-5", "refused, queue full", "youshu.delivery.queue-capacity=4");
    }

    @Test
    void theQueueIsBoundedInBytes() {
        store = store(TestSettings.quick().queue(100, 1000, OverflowPolicy.DROP_NEWEST).batch(50, 1000));

        assertThat(store.append(eventOfSize(1, 600))).isTrue();
        assertThat(store.append(eventOfSize(2, 600))).isFalse();
        assertThat(store.append(eventOfSize(3, 400))).isTrue();
        assertThat(store.append(eventOfSize(4, 1001))).isFalse();

        assertThat(store.pendingCount()).isEqualTo(2);
        assertThat(statistics.snapshot().total().dropped()).isEqualTo(2);
    }

    @Test
    void dropOldestEvictsTheOldestEventNotInFlight() {
        store = store(TestSettings.quick().queue(4, 100_000, OverflowPolicy.DROP_OLDEST).batch(1, 1000));
        append(1, 2, 3, 4);
        List<StoredEvent> first = store.claim(1, 1000);
        List<StoredEvent> second = store.claim(1, 1000);
        store.markForRetry(second, clock.instant().plusSeconds(60), "HTTP 503");

        assertThat(append(5, 6)).isTrue();

        assertThat(statistics.snapshot().total().dropped()).isEqualTo(2);
        store.markDelivered(first);
        clock.advance(Duration.ofSeconds(60));
        assertThat(seqs(drain())).containsExactly(4, 5, 6);
    }

    @Test
    void dropOldestRefusesWhenEverythingHeldIsInFlight() {
        store = store(TestSettings.quick().queue(2, 100_000, OverflowPolicy.DROP_OLDEST).batch(2, 1000));
        append(1, 2);
        store.claim(2, 1000);

        assertThat(store.append(event(3))).isFalse();
        assertThat(store.inFlightCount()).isEqualTo(2);
        assertThat(statistics.snapshot().total().dropped()).isEqualTo(1);
    }

    @Test
    void dropOldestEvictsNothingForAnEventThatCannotFit() {
        store = store(TestSettings.quick().queue(10, 1000, OverflowPolicy.DROP_OLDEST).batch(1, 1000));
        store.append(eventOfSize(1, 500));
        store.claim(1, 100_000);
        store.append(eventOfSize(2, 400));

        assertThat(store.append(eventOfSize(3, 600))).isFalse();
        assertThat(store.pendingCount()).isEqualTo(1);
    }

    @Test
    void afterCloseNewEventsAreRefusedAndPartialBatchesAreDueAtOnce() {
        append(1);

        store.close();

        assertThat(store.append(event(2))).isFalse();
        assertThat(seqs(store.claim(3, 1000))).containsExactly(1);
        assertThat(statistics.snapshot().total().dropped()).isEqualTo(1);
        assertThat(log.warnings()).singleElement().asString().contains("refused while shutting down");

        store.open();
        assertThat(store.append(event(3))).isTrue();
    }

    @Test
    void awaitEmptyReturnsOnceNothingIsHeld() throws InterruptedException {
        append(1);
        assertThat(store.awaitEmpty(Duration.ofMillis(1))).isFalse();

        clock.advance(FLUSH);
        store.markDelivered(store.claim(3, 1000));

        assertThat(store.awaitEmpty(Duration.ofMillis(1))).isTrue();
    }

    @Test
    void aClaimSkipsTheLaterEventsOfAnOrderWhoseEarlierEventIsInFlightOrWaitsForARetry() {
        store.append(TestEvents.orderEvent(1, "X"));
        store.append(TestEvents.orderEvent(2, "X"));
        store.append(TestEvents.orderEvent(3, "Y"));

        List<StoredEvent> x1 = store.claim(1, 1000);
        assertThat(jsonSeqs(x1)).containsExactly(1);
        clock.advance(FLUSH);
        assertThat(jsonSeqs(store.claim(3, 1000))).as("X2 waits while X1 is in flight").containsExactly(3);
        store.markForRetry(x1, clock.instant().plusSeconds(10), "HTTP 503");
        assertThat(store.claim(3, 1000)).as("X2 waits while X1 waits for its retry").isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(jsonSeqs(store.claim(3, 1000))).as("both, in recorded order").containsExactly(1, 2);
    }

    @Test
    void releasedEventsAreDueAtOnceInTheirPlaceWithTheirAttemptsUncounted() {
        append(1, 2, 3, 4);
        List<StoredEvent> claimed = store.claim(3, 1000);

        store.release(claimed);

        assertThat(store.inFlightCount()).isZero();
        List<StoredEvent> again = store.claim(3, 1000);
        assertThat(seqs(again)).containsExactly(1, 2, 3);
        assertThat(again).extracting(StoredEvent::attempts).containsOnly(0);
    }

    @Test
    void closingMakesTheEventsWaitingForARetryDueAtOnceForALastAttempt() {
        append(1, 2, 3);
        store.markForRetry(store.claim(3, 1000), clock.instant().plus(Duration.ofHours(1)), "HTTP 503");
        assertThat(store.claim(3, 1000)).isEmpty();

        store.close();

        assertThat(seqs(store.claim(3, 1000))).containsExactly(1, 2, 3);
    }

    @Test
    void takeUndeliveredEmptiesTheStoreOldestFirst() {
        append(1, 2, 3, 4);
        List<StoredEvent> inFlight = store.claim(3, 1000);
        store.markForRetry(inFlight.subList(0, 1), clock.instant().plusSeconds(10), "HTTP 503");

        assertThat(store.takeUndelivered()).extracting(OutboundEvent::orderId)
                .containsExactly("order-1", "order-2", "order-3", "order-4");
        assertThat(store.heldCount()).isZero();
    }

    private static List<Integer> jsonSeqs(List<StoredEvent> batch) {
        return batch.stream().map(stored -> stored.event().jsonAsString())
                .map(json -> Integer.parseInt(json.replaceAll(".*\"seq\":(\\d+).*", "$1"))).toList();
    }

    private MemoryEventStore store(TestSettings settings) {
        DeliverySettings built = settings.build();
        return new MemoryEventStore(built, deadLetters, statistics, new LossReporter(), clock);
    }

    private boolean append(int... seqs) {
        boolean all = true;
        for (int seq : seqs) {
            all &= store.append(event(seq));
        }
        return all;
    }

    private List<StoredEvent> drain() {
        return store.claim(100, 100_000);
    }

    private static List<Integer> seqs(List<StoredEvent> batch) {
        return batch.stream().map(StoredEvent::event).map(OutboundEvent::orderId)
                .map(id -> Integer.parseInt(id.substring("order-".length()))).toList();
    }
}
