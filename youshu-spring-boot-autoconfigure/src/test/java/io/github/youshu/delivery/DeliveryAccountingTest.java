package io.github.youshu.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.youshu.delivery.DeliveryStatistics.EventCounts;
import io.github.youshu.delivery.memory.MemoryDelivery;
import io.github.youshu.transport.SendResult;
import org.junit.jupiter.api.Test;

import static io.github.youshu.delivery.ScriptedTransport.first;
import static io.github.youshu.delivery.ScriptedTransport.ok;
import static io.github.youshu.delivery.ScriptedTransport.unavailable;
import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of events through an outage (errors, then timeouts, then recovery) with some bad
 * events and a queue too small to hold them all: every event ends somewhere, and every event
 * Youshu accepted arrived exactly once.
 */
class DeliveryAccountingTest {

    private static final int EVENTS = 6_000;

    private static final String[] TYPES = { "custom_order", "coupon_order" };

    @Test
    void everyAcceptedEventIsSentQueuedInFlightDroppedOrDeadLetteredAndNoneArrivesTwice() throws InterruptedException {
        ScriptedTransport transport = new ScriptedTransport(first(30, (n, seqs) -> unavailable(),
                first(30, (n, seqs) -> SendResult.transientFailure(0, "request timed out", null),
                        (n, seqs) -> seqs.stream().filter(DeliveryAccountingTest::isBad).findFirst()
                                .map(seq -> SendResult.rejected(200, 40010, "invalid event: seq " + seq))
                                .orElseGet(ScriptedTransport::ok))));
        RecordingListener listener = new RecordingListener();
        DeliverySettings settings = TestSettings.quick()
                .queue(2_000, 16 * 1024 * 1024, OverflowPolicy.DROP_OLDEST)
                .flushInterval(Duration.ofMillis(50))
                .build();

        try (MemoryDelivery delivery = new MemoryDelivery(settings, transport, listener).start()) {
            Thread[] producers = { producer(delivery, 0), producer(delivery, 1) };
            for (Thread producer : producers) {
                producer.join();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> delivery.unsettled() == 0);

            DeliveryStatistics.Snapshot snapshot = delivery.statistics.snapshot();
            EventCounts total = snapshot.total();
            assertThat(total.accepted()).isEqualTo(EVENTS);
            assertThat(total.sent() + total.dropped() + total.deadLettered()).isEqualTo(EVENTS);
            for (String type : TYPES) {
                EventCounts counts = snapshot.of(type);
                assertThat(counts.accepted()).isEqualTo(EVENTS / 2);
                assertThat(counts.sent() + counts.dropped() + counts.deadLettered()).isEqualTo(counts.accepted());
            }
            assertThat(total.dropped()).as("the queue overflowed during the outage").isPositive();
            assertThat(total.deadLettered()).as("bad events were dead-lettered").isPositive();

            List<Integer> stored = transport.storedSeqs();
            Set<Integer> unique = new HashSet<>(stored);
            assertThat(unique).as("no event arrived twice").hasSize(stored.size());
            assertThat(stored).hasSize((int) total.sent()).noneMatch(DeliveryAccountingTest::isBad);
            assertThat(listener.sent).hasSize(stored.size());
            assertThat(delivery.deadLetters.list()).hasSize((int) total.deadLettered())
                    .allSatisfy(letter -> assertThat(isBad(seq(letter.event()))).isTrue());
            assertThat(transport.requestCount()).isGreaterThan(60);
        }
    }

    private static Thread producer(MemoryDelivery delivery, int index) {
        Thread producer = new Thread(() -> {
            for (int seq = index + 1; seq <= EVENTS; seq += 2) {
                delivery.dispatcher.dispatch(event(TYPES[index], seq));
            }
        });
        producer.start();
        return producer;
    }

    private static boolean isBad(int seq) {
        return seq % 97 == 0;
    }

    private static int seq(OutboundEvent event) {
        return Integer.parseInt(event.orderId().substring("order-".length()));
    }
}
