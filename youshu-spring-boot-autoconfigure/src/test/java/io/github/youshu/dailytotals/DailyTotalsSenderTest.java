package io.github.youshu.dailytotals;

import io.github.youshu.RecordingYoushuOrders;
import io.github.youshu.YoushuOrders;
import io.github.youshu.order.DataApiTime;
import io.github.youshu.order.OrderDailyTotals;
import io.github.youshu.order.OrderSum;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which days {@link DailyTotalsSender} sends, with a settable clock and the in-memory record. */
class DailyTotalsSenderTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalTime SEND_AT = LocalTime.of(1, 30);

    private final SettableClock clock = new SettableClock(at(2024, 6, 5, 2, 0));
    private final RecordingYoushuOrders orders = new RecordingYoushuOrders();
    private final Set<LocalDate> failing = new HashSet<>();
    private final OrderDailyTotals totals = day -> {
        if (failing.contains(day)) {
            throw new IllegalStateException("query failed for " + day);
        }
        return totalsOf(day);
    };
    private final MemorySentDays days = new MemorySentDays(clock, "test");

    static java.time.Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(ZONE).toInstant();
    }

    /** Sums that name their day (the count is the day of the month), so a test can tell them apart. */
    static OrderSum totalsOf(LocalDate day) {
        return OrderSum.builder().refDate(LocalDate.of(2000, 1, 1)).giveOrderAmountSum(new BigDecimal("100.00"))
                .giveOrderNumSum(day.getDayOfMonth()).paymentAmountSum(new BigDecimal("90.00")).payedNumSum(2).build();
    }

    private DailyTotalsSender sender(int catchUpDays, YoushuOrders through) {
        return new DailyTotalsSender(totals, () -> through, days, clock, ZONE, SEND_AT, catchUpDays);
    }

    private List<LocalDate> sentDays() {
        return orders.itemsOf(OrderSum.class).stream()
                .map(sum -> LocalDate.ofInstant(java.time.Instant.ofEpochMilli(sum.refDate().toEpochMilli(ZONE)), ZONE)).toList();
    }

    @Test
    void theLatestDueDayIsYesterdayOnceTheSendTimeHasPassed() {
        DailyTotalsSender sender = sender(3, orders);
        clock.set(at(2024, 6, 5, 1, 29));
        assertThat(sender.latestDueDay()).isEqualTo(LocalDate.of(2024, 6, 3));
        clock.set(at(2024, 6, 5, 1, 30));
        assertThat(sender.latestDueDay()).isEqualTo(LocalDate.of(2024, 6, 4));
    }

    @Test
    void sendsTheDaysTotalsWithItsRefDateSetToTheDaysLocalMidnight() {
        assertThat(sender(3, orders).sendDue()).containsExactly(LocalDate.of(2024, 6, 4));
        OrderSum sent = orders.itemsOf(OrderSum.class).get(0);
        assertThat(sent.refDate()).isEqualTo(DataApiTime.startOf(LocalDate.of(2024, 6, 4)));
        assertThat(sent.giveOrderNumSum()).isEqualTo(4);
    }

    @Test
    void withNothingSentYetOnlyTheLatestDueDayIsSentAndASecondRunSendsNothing() {
        DailyTotalsSender sender = sender(3, orders);
        sender.sendDue();
        assertThat(sender.sendDue()).isEmpty();
        assertThat(sentDays()).containsExactly(LocalDate.of(2024, 6, 4));
        assertThat(sender.runs()).isEqualTo(2);
    }

    @Test
    void catchesUpTheMissedDaysOldestFirst() {
        DailyTotalsSender sender = sender(3, orders);
        sender.sendDue();
        clock.set(at(2024, 6, 7, 9, 0));
        assertThat(sender.sendDue()).containsExactly(LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 6));
        assertThat(sentDays()).containsExactly(LocalDate.of(2024, 6, 4), LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 6));
    }

    @Test
    void catchesUpAtMostCatchUpDaysBeforeTheLatestDueDay() {
        DailyTotalsSender sender = sender(2, orders);
        sender.sendDue();
        clock.set(at(2024, 6, 20, 9, 0));
        assertThat(sender.sendDue()).containsExactly(LocalDate.of(2024, 6, 17), LocalDate.of(2024, 6, 18),
                LocalDate.of(2024, 6, 19));
    }

    @Test
    void aFailingDayStopsTheRunAndIsSentByTheNextOne() {
        DailyTotalsSender sender = sender(3, orders);
        sender.sendDue();
        clock.set(at(2024, 6, 7, 9, 0));
        failing.add(LocalDate.of(2024, 6, 5));
        assertThat(sender.sendDue()).isEmpty();
        assertThat(days.isSent(LocalDate.of(2024, 6, 5))).isFalse();
        failing.clear();
        assertThat(sender.sendDue()).containsExactly(LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 6));
    }

    @Test
    void refusedTotalsAreNotRecordedAsSent() {
        RecordingYoushuOrders refusing = new RecordingYoushuOrders() {
            @Override
            public boolean addOrderSum(OrderSum orderSum) {
                super.addOrderSum(orderSum);
                return false;
            }
        };
        assertThat(sender(3, refusing).sendDue()).isEmpty();
        assertThat(days.last()).isEmpty();
    }

    @Test
    void sendAgainSendsADayThatWasSentAlready() {
        DailyTotalsSender sender = sender(3, orders);
        sender.sendDue();
        assertThat(sender.sendAgain(LocalDate.of(2024, 6, 4))).isTrue();
        assertThat(sentDays()).containsExactly(LocalDate.of(2024, 6, 4), LocalDate.of(2024, 6, 4));
        assertThat(sender.lastSent()).get().extracting(SentDay::day).isEqualTo(LocalDate.of(2024, 6, 4));
    }

    @Test
    void withoutYoushuOrdersNothingCanBeSent() {
        assertThat(sender(3, null).canSend()).isFalse();
        assertThat(sender(3, orders).canSend()).isTrue();
    }

    @Test
    void theSchedulerRunsEveryDayAtTheSendTimeInTheZone() {
        DailyTotalsScheduler scheduler = new DailyTotalsScheduler(sender(3, orders), clock, java.time.Duration.ofMinutes(10));
        CronTrigger trigger = new CronTrigger(scheduler.cron(), ZONE);
        SimpleTriggerContext context = new SimpleTriggerContext(clock);
        assertThat(trigger.nextExecution(context)).isEqualTo(at(2024, 6, 6, 1, 30));
    }
}
