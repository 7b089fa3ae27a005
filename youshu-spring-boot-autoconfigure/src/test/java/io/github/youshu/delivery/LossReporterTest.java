package io.github.youshu.delivery;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

class LossReporterTest {

    private final MutableClock clock = new MutableClock();

    private final LossReporter reporter = new LossReporter(clock);

    private final LogCapture log = LogCapture.of(LossReporter.class);

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void theFirstLossOfEachReasonIsAWarningOfItsOwn() {
        reporter.report(LossReason.QUEUE_FULL, event(1), "the queue holds 10 events");
        reporter.report(LossReason.REJECTED, event(2), "HTTP 200, code 40001");

        assertThat(log.warnings()).containsExactly(
                "Youshu event custom_order (order order-1) refused, queue full: the queue holds 10 events. "
                        + "Further lost events are summarised at most once a minute.",
                "Youshu event custom_order (order order-2) rejected by Youshu, dead-lettered: HTTP 200, code 40001. "
                        + "Further lost events are summarised at most once a minute.");
    }

    @Test
    void laterLossesAreSummarisedAtMostOnceAMinute() {
        reporter.report(LossReason.QUEUE_FULL, event(0), "full");
        for (int i = 1; i <= 1000; i++) {
            reporter.report(LossReason.QUEUE_FULL, event(i), "full");
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(log.warnings()).hasSize(1);

        clock.advance(Duration.ofSeconds(51));
        reporter.report(LossReason.EVICTED, event(1001), "room");
        reporter.report(LossReason.EVICTED, event(1002), "room");
        reporter.report(LossReason.QUEUE_FULL, event(1003), "full");

        assertThat(log.warnings()).hasSize(3);
        assertThat(log.warnings().get(2))
                .startsWith("Youshu delivery lost 1001 more events since ")
                .contains(": 1000 refused, queue full (order ids: order-1, order-2, ")
                .contains("order-20 and 980 more); 1 evicted from the full queue (order ids: order-1002)");
    }

    @Test
    void flushLogsWhatIsPendingAtOnce() {
        reporter.report(LossReason.SHUTTING_DOWN, event(1), "stopping");
        reporter.report(LossReason.SHUTTING_DOWN, event(2), "stopping");
        reporter.report(LossReason.SHUTTING_DOWN, event(3), "stopping");

        reporter.flush();
        reporter.flush();

        assertThat(log.warnings()).hasSize(2);
        assertThat(log.warnings().get(1)).endsWith(": 2 refused while shutting down (order ids: order-2, order-3)");
    }

    @Test
    void aPendingSummaryIsLoggedWhenDueEvenWithoutFurtherLosses() {
        reporter.report(LossReason.QUEUE_FULL, event(1), "full");
        reporter.report(LossReason.QUEUE_FULL, event(2), "full");

        reporter.summariseIfDue();
        assertThat(log.warnings()).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        reporter.summariseIfDue();

        assertThat(log.warnings()).hasSize(2);
        assertThat(log.warnings().get(1)).endsWith(": 1 refused, queue full (order ids: order-2)");
    }

    /** Issue 11 item 5: of three paid orders dropped for a bad amount, two ids appeared nowhere. */
    @Test
    void invalidEventsAreSummarisedWithTheirOrderIds() {
        clock.advance(Duration.ofMinutes(5));
        reporter.invalid("custom_order", "A", "ogN6X0T-ilsHvTrCNk", "props.sub_orders[0].pay_amt: must be >= 0");
        reporter.invalid("custom_order", "B", null, "props.sub_orders[0].pay_amt: must be >= 0");
        reporter.invalid("custom_order", "C", null, "props.sub_orders[0].pay_amt: must be >= 0");
        reporter.summariseIfDue();
        clock.advance(Duration.ofMinutes(1));
        reporter.summariseIfDue();

        assertThat(String.join("\n", log.warnings())).contains("A").contains("B").contains("C");
        assertThat(log.warnings().get(log.warnings().size() - 1))
                .endsWith("invalid, not reported (order ids: B, C)");
        assertThat(reporter.recentDrops().newestFirst()).extracting(DroppedEvent::orderId).containsExactly("C", "B", "A");
        assertThat(reporter.recentDrops().newestFirst().get(2).user()).isEqualTo("ogN6***");
        assertThat(reporter.recentDrops().newestFirst().get(2).outcome()).isEqualTo(DroppedEvent.INVALID);
    }

    @Test
    void everyLossIsRecordedWithItsOrderIdReasonAndMaskedUser() {
        OutboundEvent paid = new OutboundEvent("custom_order", "SO9",
                "{\"props\":{\"wx_user\":{\"open_id\":\"ogN6X0T-ilsHvTrCNk\"}}}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                clock.instant());
        reporter.report(LossReason.RETRIES_EXHAUSTED, paid, "after 12 attempts");
        reporter.report(LossReason.QUEUE_FULL, event(1), "full");

        assertThat(reporter.recentDrops().newestFirst()).extracting(DroppedEvent::orderId, DroppedEvent::outcome,
                DroppedEvent::user).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("order-1", DroppedEvent.DROPPED, null),
                        org.assertj.core.groups.Tuple.tuple("SO9", DroppedEvent.DEAD_LETTERED, "ogN6***"));
        assertThat(reporter.recentDrops().newestFirst().get(1).reason()).isEqualTo("out of retries, dead-lettered: after 12 attempts");
    }

    @Test
    void flushWithoutPendingLossesLogsNothing() {
        reporter.flush();

        assertThat(log.warnings()).isEmpty();
    }
}
