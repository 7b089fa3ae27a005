package io.github.youshu.dailytotals;

import io.github.youshu.RecordingYoushuOrders;
import io.github.youshu.order.OrderDailyTotals;
import io.github.youshu.order.OrderSum;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The private scheduler: a run at start, and retries while the latest due day is not sent. */
class DailyTotalsSchedulerTest {

    private final SettableClock clock = new SettableClock(DailyTotalsSenderTest.at(2024, 6, 5, 2, 0));
    private final RecordingYoushuOrders orders = new RecordingYoushuOrders();
    private final AtomicInteger queries = new AtomicInteger();

    @Test
    void runsAtStartAndRetriesAFailedDayUntilItIsSent() {
        OrderDailyTotals failingTwice = day -> {
            if (queries.incrementAndGet() <= 2) {
                throw new IllegalStateException("database restarting");
            }
            return DailyTotalsSenderTest.totalsOf(day);
        };
        DailyTotalsSender sender = new DailyTotalsSender(failingTwice, () -> orders, new MemorySentDays(clock, "test"), clock,
                DailyTotalsSenderTest.ZONE, DailyTotalsSenderTest.SEND_AT, 3);
        // The retry is planned on the scheduler's clock (the settable one): 1 ms after the failed run.
        DailyTotalsScheduler scheduler = new DailyTotalsScheduler(sender, clock, Duration.ofMillis(1));
        scheduler.start();
        try {
            await().until(() -> !orders.items.isEmpty());
            assertThat(queries).hasValue(3);
            assertThat(sender.runs()).isEqualTo(3);
            assertThat(orders.itemsOf(OrderSum.class)).singleElement().extracting(OrderSum::giveOrderNumSum).isEqualTo(4);
            assertThat(sender.lastSent()).get().extracting(SentDay::day).isEqualTo(LocalDate.of(2024, 6, 4));
        }
        finally {
            scheduler.stop();
        }
        assertThat(scheduler.isRunning()).isFalse();
    }

    @Test
    void doesNotStartWithoutYoushuOrders() {
        DailyTotalsSender sender = new DailyTotalsSender(DailyTotalsSenderTest::totalsOf, () -> null, new MemorySentDays(clock, "test"),
                clock, DailyTotalsSenderTest.ZONE, DailyTotalsSenderTest.SEND_AT, 3);
        DailyTotalsScheduler scheduler = new DailyTotalsScheduler(sender, clock, Duration.ofMinutes(10));
        scheduler.start();
        assertThat(scheduler.isRunning()).isFalse();
        assertThat(sender.runs()).isZero();
    }
}
