package io.github.youshu.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.youshu.delivery.memory.DeadLetter;
import io.github.youshu.delivery.memory.DeadLetters;
import io.github.youshu.delivery.memory.MemoryDelivery;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.transport.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.youshu.delivery.ScriptedTransport.first;
import static io.github.youshu.delivery.ScriptedTransport.ok;
import static io.github.youshu.delivery.ScriptedTransport.unavailable;
import static io.github.youshu.delivery.TestEvents.event;
import static io.github.youshu.delivery.TestEvents.eventOfSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BatchRelayTest {

    private static final Logger log = LoggerFactory.getLogger(BatchRelayTest.class);

    private static final Duration LONG = Duration.ofHours(1);

    /** Long enough for a few events dispatched at once to make one batch; polls (for retries) every 50 ms. */
    private static final Duration HALF_SECOND = Duration.ofMillis(500);

    private final RecordingListener listener = new RecordingListener();

    private MemoryDelivery delivery;

    @AfterEach
    void stop() {
        if (delivery != null) {
            delivery.close();
        }
    }

    @Test
    void fullBatchesAreSentAtOnceWithoutWaitingForTheFlushInterval() {
        ScriptedTransport transport = ScriptedTransport.accepting();
        start(TestSettings.quick().flushInterval(LONG), transport);

        dispatch(1, 100);

        await().until(() -> transport.storedSeqs().size() == 100);
        assertThat(transport.requestSeqs()).hasSize(2).allSatisfy(seqs -> assertThat(seqs).hasSize(50));
    }

    @Test
    void aPartialBatchLeavesOnceItsOldestEventHasWaitedTheFlushInterval() {
        ScriptedTransport transport = ScriptedTransport.accepting();
        start(TestSettings.quick().flushInterval(Duration.ofMillis(100)), transport);

        dispatch(1, 3);

        await().until(() -> transport.storedSeqs().size() == 3);
        assertThat(transport.requestSeqs()).containsExactly(List.of(1, 2, 3));
    }

    @Test
    void aBatchIsOneJsonArrayOfTheEventsInOrder() {
        ScriptedTransport transport = ScriptedTransport.accepting();
        start(TestSettings.quick().batch(3, 10_000).flushInterval(LONG), transport);

        dispatch(1, 3);

        await().until(() -> transport.requestCount() == 1);
        assertThat(new String(transport.bodies().get(0), StandardCharsets.UTF_8)).isEqualTo(
                "[{\"type\":\"custom_order\",\"seq\":1},{\"type\":\"custom_order\",\"seq\":2},{\"type\":\"custom_order\",\"seq\":3}]");
    }

    @Test
    void requestBodiesStayWithinMaxBatchBytes() {
        ScriptedTransport transport = ScriptedTransport.accepting();
        start(TestSettings.quick().batch(50, 1000).flushInterval(Duration.ofMillis(50)), transport);

        for (int seq = 1; seq <= 20; seq++) {
            delivery.dispatcher.dispatch(eventOfSize(seq, 300));
        }

        await().until(() -> transport.storedSeqs().size() == 20);
        assertThat(transport.bodies()).allSatisfy(body -> assertThat(body.length).isLessThanOrEqualTo(1000));
        assertThat(transport.requestSeqs()).allSatisfy(seqs -> assertThat(seqs).hasSizeLessThanOrEqualTo(3))
                .anySatisfy(seqs -> assertThat(seqs).hasSize(3));
    }

    @Test
    void transientFailuresAreRetriedUntilAcceptedAndNeverSentTwiceOnceAccepted() {
        ScriptedTransport transport = new ScriptedTransport(first(3, (n, seqs) -> unavailable(), (n, seqs) -> ok()));
        start(TestSettings.quick().flushInterval(Duration.ofMillis(20)), transport, listener);

        dispatch(1, 10);

        await().until(() -> delivery.unsettled() == 0);
        assertThat(transport.storedSeqs()).containsExactlyInAnyOrderElementsOf(seqs(1, 10));
        assertThat(transport.requestCount()).isEqualTo(4);
        assertThat(listener.failures).hasSize(3).allSatisfy(result -> assertThat(result.httpStatus()).isEqualTo(503));
        assertThat(listener.sent).hasSize(10);
        assertThat(delivery.statistics.snapshot().total().sent()).isEqualTo(10);
    }

    /** Within the budget, and without a budget (the outbox's default) even when it asks for longer than any budget. */
    @ParameterizedTest
    @CsvSource({"PT1H, PT10M", "PT0S, PT2H"})
    void theServersRetryAfterPostponesTheRetry(Duration budget, Duration retryAfter) {
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> SendResult.transientFailure(429, "Too Many Requests", retryAfter));
        DeliverySettings settings = TestSettings.quick().flushInterval(Duration.ofMillis(20)).maxRetryDuration(budget).build();
        DeliveryStatistics statistics = new DeliveryStatistics();
        LossReporter lossReporter = new LossReporter();
        MemoryEventStore memory = new MemoryEventStore(settings, new DeadLetters(10), statistics, lossReporter);
        RetryRecordingStore store = new RetryRecordingStore(memory);
        BatchRelay relay = new BatchRelay(store, transport, settings, settings.pollInterval(), statistics, lossReporter, List.of());
        Instant before = Instant.now();
        relay.start();
        try {
            memory.append(event(1));

            await().until(() -> store.notBefore != null);
            assertThat(store.notBefore).isAfterOrEqualTo(before.plus(retryAfter));
            assertThat(memory.pendingCount()).isEqualTo(1);
            assertThat(statistics.snapshot().total().deadLettered()).isZero();
        }
        finally {
            relay.stop();
        }
    }

    @Test
    void aRejectedBatchIsSplitUntilTheBadEventIsIsolated() {
        ScriptedTransport transport = ScriptedTransport.rejecting(6);
        start(TestSettings.quick().batch(8, 10_000).flushInterval(LONG), transport, listener);

        dispatch(1, 8);

        await().until(() -> delivery.unsettled() == 0);
        assertThat(transport.requestSeqs()).containsExactly(List.of(1, 2, 3, 4, 5, 6, 7, 8), List.of(1, 2, 3, 4),
                List.of(5, 6, 7, 8), List.of(5, 6), List.of(5), List.of(6), List.of(7, 8));
        assertThat(transport.storedSeqs()).containsExactly(1, 2, 3, 4, 5, 7, 8);
        assertThat(delivery.deadLetters.list()).extracting(DeadLetter::reason)
                .containsExactly("rejected by Youshu: HTTP 200, code 40010: invalid event: seq 6");
        assertThat(listener.deadLettered).extracting(OutboundEvent::orderId).containsExactly("order-6");
        assertThat(delivery.statistics.snapshot().total()).isEqualTo(new DeliveryStatistics.EventCounts(8, 7, 0, 1, 0));
    }

    @Test
    void severalBadEventsAreEachIsolated() {
        ScriptedTransport transport = ScriptedTransport.rejecting(1, 2, 50);
        start(TestSettings.quick().flushInterval(LONG), transport);

        dispatch(1, 50);

        await().until(() -> delivery.unsettled() == 0);
        assertThat(transport.storedSeqs()).containsExactlyInAnyOrderElementsOf(seqs(3, 49));
        assertThat(delivery.deadLetters.list()).extracting(letter -> letter.event().orderId())
                .containsExactlyInAnyOrder("order-1", "order-2", "order-50");
    }

    @Test
    void eventsOutOfRetryBudgetAreDeadLettered() {
        ScriptedTransport transport = ScriptedTransport.failing();
        start(TestSettings.quick().flushInterval(Duration.ofMillis(20)).maxRetryDuration(Duration.ofMillis(200)),
                transport, listener);

        dispatch(1, 5);

        await().until(() -> delivery.unsettled() == 0);
        assertThat(delivery.deadLetters.list()).hasSize(5).allSatisfy(letter -> assertThat(letter.reason())
                .startsWith("out of retries after ").endsWith(" attempts, last: HTTP 503: Service Unavailable"));
        assertThat(listener.deadLettered).hasSize(5);
        assertThat(listener.failures).hasSizeGreaterThan(1);
        assertThat(delivery.statistics.snapshot().total().deadLettered()).isEqualTo(5);
        assertThat(transport.storedSeqs()).isEmpty();
    }

    @Test
    void aThrowingListenerNeitherStopsDeliveryNorTheOtherListeners() {
        ScriptedTransport transport = ScriptedTransport.accepting();
        YoushuDeliveryListener throwing = new YoushuDeliveryListener() {
            @Override
            public void onSent(List<OutboundEvent> events) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (LogCapture log = LogCapture.of(DeliveryListeners.class)) {
            start(TestSettings.quick().flushInterval(LONG), transport, throwing, listener);

            dispatch(1, 500);

            await().until(() -> listener.sent.size() == 500);
            assertThat(transport.storedSeqs()).hasSize(500);
            assertThat(log.warnings()).singleElement().asString().contains("delivery goes on");
        }
    }

    @Test
    void aThrowingTransportCountsAsATransientFailure() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("transport bug");
            }
            return ok();
        });
        start(TestSettings.quick().flushInterval(Duration.ofMillis(20)), transport, listener);

        dispatch(1, 5);

        await().until(() -> delivery.unsettled() == 0);
        assertThat(transport.storedSeqs()).containsExactlyInAnyOrderElementsOf(seqs(1, 5));
        assertThat(listener.failures).singleElement().satisfies(result -> assertThat(result.message())
                .isEqualTo("the transport failed: java.lang.IllegalStateException: transport bug"));
    }

    @Test
    void noMoreThanConcurrencyRequestsAreInFlight() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return ok();
        });
        start(TestSettings.quick().flushInterval(LONG).concurrency(2), transport);

        dispatch(1, 500);
        await().until(() -> delivery.store.inFlightCount() == 100);
        release.countDown();

        await().until(() -> transport.storedSeqs().size() == 500);
        assertThat(transport.maxConcurrent()).isEqualTo(2);
    }

    @Test
    void memoryStaysBoundedDuringAnOutage() {
        ScriptedTransport transport = ScriptedTransport.failing();
        start(TestSettings.quick().queue(100, 1_000_000, OverflowPolicy.DROP_NEWEST).flushInterval(Duration.ofMillis(20)),
                transport);

        dispatch(1, 1000);

        await().until(() -> transport.requestCount() > 10);
        assertThat(delivery.unsettled()).isLessThanOrEqualTo(100);
        assertThat(delivery.statistics.snapshot().total().dropped()).isGreaterThanOrEqualTo(900);
        await().until(delivery::balanced);
    }

    @Test
    void batchesStayFullUnderLoad() throws InterruptedException {
        ScriptedTransport transport = ScriptedTransport.accepting();
        start(TestSettings.quick(), transport);
        int perProducer = 20_000;

        long started = System.nanoTime();
        Thread[] producers = new Thread[2];
        for (int p = 0; p < producers.length; p++) {
            int offset = p * perProducer;
            producers[p] = new Thread(() -> dispatch(offset + 1, offset + perProducer));
            producers[p].start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
        // all but the last partial batch, which waits for the flush interval
        await().until(() -> delivery.unsettled() < 50);
        long elapsedNanos = System.nanoTime() - started;
        await().until(() -> delivery.unsettled() == 0);

        DeliveryStatistics.EventCounts total = delivery.statistics.snapshot().total();
        assertThat(total.accepted()).isEqualTo(2L * perProducer);
        assertThat(total.sent()).isEqualTo(transport.storedSeqs().size()).isGreaterThan(0);
        assertThat(new HashSet<>(transport.storedSeqs())).hasSize(transport.storedSeqs().size());
        assertThat(transport.requestCount() * 40L).isLessThanOrEqualTo(total.sent());
        assertThat(delivery.balanced()).isTrue();
        log.info("{} events sent in {} requests ({} dropped) at {} events/s", total.sent(),
                transport.requestCount(), total.dropped(), total.sent() * 1_000_000_000L / Math.max(1, elapsedNanos));
    }

    @Test
    void aRetryAfterLongerThanTheBudgetWaitsUntilTheBudgetEndsAndThenGetsALastAttempt() {
        ScriptedTransport transport = new ScriptedTransport(
                (n, seqs) -> SendResult.transientFailure(429, "Too Many Requests", Duration.ofHours(2)));
        start(TestSettings.quick().flushInterval(Duration.ofMillis(20)).maxRetryDuration(Duration.ofMillis(300)),
                transport, listener);

        dispatch(1, 1);

        await().until(() -> delivery.unsettled() == 0);
        assertThat(transport.requestCount()).as("the first attempt and a last one when the budget ends").isEqualTo(2);
        assertThat(delivery.deadLetters.list()).singleElement().extracting(DeadLetter::reason)
                .isEqualTo("out of retries after 2 attempts, last: HTTP 429: Too Many Requests");
    }

    @Test
    void aLaterEventOfAnOrderIsNotSentWhileAnEarlierOneWaitsForARetry() {
        ScriptedTransport transport = new ScriptedTransport(first(1, (n, seqs) -> unavailable(), (n, seqs) -> ok()));
        start(TestSettings.quick().flushInterval(Duration.ofMillis(20)).backoff(Duration.ofMillis(300), Duration.ofMillis(300)),
                transport);

        delivery.dispatcher.dispatch(TestEvents.orderEvent(1, "X"));
        await().until(() -> transport.requestCount() == 1);
        delivery.dispatcher.dispatch(TestEvents.orderEvent(2, "X"));
        delivery.dispatcher.dispatch(TestEvents.orderEvent(3, "Y"));

        await().until(() -> delivery.unsettled() == 0);
        assertThat(transport.storedSeqs()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(transport.storedSeqs().indexOf(1)).as("X's changes arrive in recorded order")
                .isLessThan(transport.storedSeqs().indexOf(2));
        assertThat(transport.requestSeqs().get(1)).as("Y does not wait for X").containsExactly(3);
    }

    @Test
    void withinASplitALaterEventOfAnOrderWaitsForTheRetryOfAnEarlierOne() {
        // [X1, bad, C, X2] is rejected; X1 alone then fails once with a 503: X2 must not overtake it
        AtomicInteger x1Alone = new AtomicInteger();
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> seqs.contains(2)
                ? SendResult.rejected(200, 40010, "invalid event: seq 2")
                : seqs.equals(List.of(1)) && x1Alone.incrementAndGet() == 1 ? unavailable() : ok());
        start(TestSettings.quick().batch(4, 10_000).flushInterval(HALF_SECOND).backoff(Duration.ofMillis(100), Duration.ofMillis(100)),
                transport, listener);

        delivery.dispatcher.dispatch(TestEvents.orderEvent(1, "X"));
        delivery.dispatcher.dispatch(TestEvents.orderEvent(2, "B"));
        delivery.dispatcher.dispatch(TestEvents.orderEvent(3, "C"));
        delivery.dispatcher.dispatch(TestEvents.orderEvent(4, "X"));

        await().until(() -> delivery.unsettled() == 0);
        assertThat(transport.storedSeqs()).containsExactlyInAnyOrder(1, 3, 4);
        assertThat(transport.storedSeqs().indexOf(1)).isLessThan(transport.storedSeqs().indexOf(4));
        assertThat(transport.requestSeqs()).startsWith(List.of(1, 2, 3, 4), List.of(1, 2), List.of(1), List.of(2), List.of(3));
        assertThat(listener.deadLettered).extracting(OutboundEvent::orderId).containsExactly("B");
    }

    @Test
    void aRequestLevelRejectionNeitherSplitsNorDeadLettersAndTheEventsGoWhenItIsFixed() {
        AtomicBoolean credentialsFixed = new AtomicBoolean();
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> credentialsFixed.get() ? ok()
                : SendResult.requestRejected(200, 15, "code 15: merchant verification failed", "youshu.app-id, youshu.app-secret"));
        start(TestSettings.quick().flushInterval(HALF_SECOND), transport, listener);

        dispatch(1, 100);
        await().until(() -> transport.requestCount() >= 6);
        assertThat(delivery.relay.requestFailureState().current()).hasValueSatisfying(failure -> {
            assertThat(failure.cause()).isEqualTo("HTTP 200, code 15: merchant verification failed");
            assertThat(failure.checkProperty()).isEqualTo("youshu.app-id, youshu.app-secret");
        });
        credentialsFixed.set(true);

        await().until(() -> delivery.unsettled() == 0);
        assertThat(transport.requestSeqs()).as("never split").allSatisfy(seqs -> assertThat(seqs).hasSize(50));
        assertThat(transport.storedSeqs()).containsExactlyInAnyOrderElementsOf(seqs(1, 100));
        assertThat(delivery.deadLetters.list()).isEmpty();
        assertThat(listener.deadLettered).isEmpty();
        assertThat(delivery.relay.requestFailureState().current()).isEmpty();
    }

    @Test
    void aCodeThatRejectsEveryPartOfASplitAlikeIsTheRequestsFault() {
        AtomicBoolean clockFixed = new AtomicBoolean();
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> clockFixed.get() ? ok()
                : SendResult.rejected(200, 40003, "timestamp outside the allowed window"));
        start(TestSettings.quick().batch(8, 10_000).flushInterval(HALF_SECOND).concurrency(1), transport, listener);

        dispatch(1, 16);
        await().until(() -> delivery.relay.requestFailureState().current().isPresent() && transport.requestCount() >= 8);
        clockFixed.set(true);

        await().until(() -> delivery.unsettled() == 0);
        // the first batch is split down one side, and its last event's sibling half tried: all alike
        assertThat(transport.requestSeqs()).startsWith(List.of(1, 2, 3, 4, 5, 6, 7, 8), List.of(1, 2, 3, 4),
                List.of(1, 2), List.of(1), List.of(2), List.of(9, 10, 11, 12, 13, 14, 15, 16));
        assertThat(transport.storedSeqs()).containsExactlyInAnyOrderElementsOf(seqs(1, 16));
        assertThat(delivery.deadLetters.list()).isEmpty();
    }

    @Test
    void aCodeThatRejectsTwoEventsSentAloneAlikeIsTheRequestsFault() {
        AtomicBoolean secretFixed = new AtomicBoolean();
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> secretFixed.get() ? ok()
                : SendResult.rejected(200, 40001, "signature does not match"));
        start(TestSettings.quick().flushInterval(Duration.ofMillis(20)), transport, listener);

        dispatch(1, 1);
        await().until(() -> delivery.deadLetters.list().size() == 1);
        dispatch(2, 2);
        await().until(() -> delivery.relay.requestFailureState().current().isPresent());
        dispatch(3, 3);
        await().until(() -> transport.requestSeqs().contains(List.of(3)));
        secretFixed.set(true);

        await().until(() -> delivery.unsettled() == 0);
        assertThat(delivery.deadLetters.list()).as("the first lone event cannot be told apart")
                .extracting(letter -> letter.event().orderId()).containsExactly("order-1");
        assertThat(transport.storedSeqs()).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void inMemoryARequestLevelFailureThatOutlastsTheBudgetIsALossOfItsOwnNotADeadLetter() {
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> SendResult.requestRejected(401, null, "HTTP 401",
                "youshu.app-id, youshu.app-secret"));
        try (LogCapture losses = LogCapture.of(LossReporter.class)) {
            start(TestSettings.quick().flushInterval(Duration.ofMillis(20)).maxRetryDuration(Duration.ofMillis(200)),
                    transport, listener);

            dispatch(1, 5);

            // the store lets go of an event before its loss is counted: wait for the count, not the store
            await().until(() -> delivery.statistics.snapshot().total().dropped() == 5);
            assertThat(delivery.unsettled()).isZero();
            assertThat(delivery.deadLetters.list()).isEmpty();
            assertThat(listener.deadLettered).isEmpty();
            assertThat(delivery.statistics.snapshot().total()).isEqualTo(new DeliveryStatistics.EventCounts(5, 0, 5, 0, 0));
            assertThat(losses.warnings()).first().asString()
                    .startsWith("Youshu event custom_order (order order-1) " + LossReason.REQUEST_REJECTED.description());
        }
    }

    @Test
    void aBatchThatKeepsFailingWithoutAnAnswerWhileOthersAreAcceptedIsSplitSoOnlyThePoisonDies() {
        // seq 1 makes the server drop the connection; everything else is accepted
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> seqs.contains(1)
                ? SendResult.transientFailure(0, "I/O error (IOException)", null) : ok());
        start(TestSettings.quick().batch(8, 10_000).flushInterval(Duration.ofMillis(20))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(50)).maxRetryDuration(Duration.ofSeconds(2)), transport, listener);

        dispatch(1, 8);
        await().until(() -> transport.requestCount() >= 1);
        delivery.dispatcher.dispatch(event(9));
        delivery.dispatcher.dispatch(TestEvents.orderEvent(10, "order-1"));

        await().until(() -> delivery.unsettled() == 0);
        assertThat(transport.storedSeqs()).containsExactlyInAnyOrderElementsOf(seqs(2, 10));
        assertThat(delivery.deadLetters.list()).extracting(letter -> letter.event().orderId()).containsExactly("order-1");
        assertThat(transport.requestSeqs()).as("no newer event joins the suspected batch")
                .filteredOn(seqs -> seqs.contains(1)).allSatisfy(seqs -> assertThat(seqs).allMatch(seq -> seq <= 8));
        assertThat(transport.storedSeqs().indexOf(10)).as("the later change of the poison's order waited for it")
                .isEqualTo(transport.storedSeqs().size() - 1);
    }

    @Test
    void stopWaitsForTheRequestInFlightAndHandsBackWhatIsClaimedButUnsent() throws InterruptedException {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        ScriptedTransport transport = new ScriptedTransport((n, seqs) -> {
            if (n == 1) {
                inFlight.countDown();
                try {
                    answer.await(30, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return SendResult.transientFailure(0, "interrupted", null);
                }
                return SendResult.rejected(200, 40010, "invalid event: seq 1");
            }
            return ok();
        });
        start(TestSettings.quick().batch(4, 10_000).flushInterval(LONG).concurrency(1), transport, listener);
        dispatch(1, 4);
        inFlight.await(30, TimeUnit.SECONDS);

        Thread stopping = new Thread(() -> delivery.relay.stop());
        stopping.start();
        await().until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
        answer.countDown();
        stopping.join();

        assertThat(transport.requestSeqs()).as("the split is not sent once stopping").containsExactly(List.of(1, 2, 3, 4));
        assertThat(delivery.relay.claimedCount()).isZero();
        assertThat(delivery.store.inFlightCount()).isZero();
        assertThat(delivery.store.pendingCount()).as("handed back, due again").isEqualTo(4);
        assertThat(listener.failures).isEmpty();
        assertThat(delivery.deadLetters.list()).isEmpty();
    }

    private void start(TestSettings settings, ScriptedTransport transport, YoushuDeliveryListener... listeners) {
        delivery = new MemoryDelivery(settings.build(), transport, listeners).start();
    }

    private void dispatch(int fromSeq, int toSeq) {
        for (int seq = fromSeq; seq <= toSeq; seq++) {
            delivery.dispatcher.dispatch(event(seq));
        }
    }

    private static List<Integer> seqs(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    /** Remembers when the last retry was scheduled for. */
    private static final class RetryRecordingStore implements EventStore {

        private final EventStore delegate;

        volatile Instant notBefore;

        RetryRecordingStore(EventStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean joinsTransaction() {
            return delegate.joinsTransaction();
        }

        @Override
        public boolean append(OutboundEvent event) {
            return delegate.append(event);
        }

        @Override
        public List<StoredEvent> claim(int maxEvents, long maxBytes) {
            return delegate.claim(maxEvents, maxBytes);
        }

        @Override
        public void markDelivered(List<StoredEvent> events) {
            delegate.markDelivered(events);
        }

        @Override
        public void markForRetry(List<StoredEvent> events, Instant notBefore, String error) {
            delegate.markForRetry(events, notBefore, error);
            this.notBefore = notBefore;
        }

        @Override
        public void markDead(List<StoredEvent> events, String error) {
            delegate.markDead(events, error);
        }

        @Override
        public long pendingCount() {
            return delegate.pendingCount();
        }
    }
}
