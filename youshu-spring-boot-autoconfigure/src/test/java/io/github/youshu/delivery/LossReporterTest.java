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
                .endsWith(": 1000 refused, queue full; 1 evicted from the full queue");
    }

    @Test
    void flushLogsWhatIsPendingAtOnce() {
        reporter.report(LossReason.SHUTTING_DOWN, event(1), "stopping");
        reporter.report(LossReason.SHUTTING_DOWN, event(2), "stopping");
        reporter.report(LossReason.SHUTTING_DOWN, event(3), "stopping");

        reporter.flush();
        reporter.flush();

        assertThat(log.warnings()).hasSize(2);
        assertThat(log.warnings().get(1)).endsWith(": 2 refused while shutting down");
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
        assertThat(log.warnings().get(1)).endsWith(": 1 refused, queue full");
    }

    @Test
    void flushWithoutPendingLossesLogsNothing() {
        reporter.flush();

        assertThat(log.warnings()).isEmpty();
    }
}
