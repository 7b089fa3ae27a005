package io.github.youshu.dailytotals;

import io.github.youshu.YoushuOrders;
import io.github.youshu.order.OrderDailyTotals;
import io.github.youshu.order.OrderSum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends the daily totals ({@code order/add_order_sum}, data-api.md §7): for each due day not sent
 * yet, asks the merchant's {@link OrderDailyTotals} for the day's sums and hands them to
 * {@link YoushuOrders#addOrderSum}, recording the day in {@link SentDays} in the same transaction.
 *
 * <p>A day is due once {@code sendAt} (local time in the zone) has passed on the next day. Each run
 * sends the latest due day and, after downtime, the days missed since the last day sent, at most
 * {@code catchUpDays} before the latest (oldest first). With nothing sent yet it sends the latest
 * due day only. Thread-safe; runs are serialised.
 */
public final class DailyTotalsSender {

    private static final Logger log = LoggerFactory.getLogger(DailyTotalsSender.class);

    private final OrderDailyTotals totals;
    private final Supplier<YoushuOrders> orders;
    private final SentDays days;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime sendAt;
    private final int catchUpDays;
    private final AtomicLong runs = new AtomicLong();

    /**
     * @param orders      the {@link YoushuOrders} to send through, looked up on each send; gives {@code null} when
     *                    the application has none (then nothing is sent)
     * @param zone        the merchant's zone ({@code youshu.zone}): days and {@code sendAt} are local to it
     * @param sendAt      the local time of day the previous day's totals are sent
     * @param catchUpDays how many days before the latest due day are sent late when missed (0 for none)
     */
    public DailyTotalsSender(OrderDailyTotals totals, Supplier<YoushuOrders> orders, SentDays days, Clock clock, ZoneId zone,
                             LocalTime sendAt, int catchUpDays) {
        this.totals = totals;
        this.orders = orders;
        this.days = days;
        this.clock = clock;
        this.zone = zone;
        this.sendAt = sendAt;
        this.catchUpDays = catchUpDays;
    }

    /** The latest day whose totals are due now: yesterday once today's {@code sendAt} has passed, else the day before. */
    public LocalDate latestDueDay() {
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalDate today = now.toLocalDate();
        return now.toLocalTime().isBefore(sendAt) ? today.minusDays(2) : today.minusDays(1);
    }

    /**
     * Sends every due day not sent yet (see the class description), oldest first. A day whose
     * query or hand-over fails is logged and, with the days after it, left for the next run.
     *
     * @return the days this call sent
     */
    public synchronized List<LocalDate> sendDue() {
        try {
            LocalDate latest = latestDueDay();
            LocalDate first = latest.minusDays(catchUpDays);
            Optional<SentDay> last = days.last();
            LocalDate from = latest;
            if (last.isPresent()) {
                LocalDate next = last.get().day().plusDays(1);
                from = next.isBefore(first) ? first : next;
            }
            List<LocalDate> sent = new ArrayList<>();
            for (LocalDate day = from; !day.isAfter(latest); day = day.plusDays(1)) {
                Boolean outcome = send(day);
                if (outcome == null) {
                    break;
                }
                if (outcome) {
                    sent.add(day);
                }
            }
            return sent;
        }
        catch (RuntimeException ex) {
            log.warn("Youshu daily totals could not be sent: {}; the next run tries again", ex.toString(), ex);
            return List.of();
        }
        finally {
            runs.incrementAndGet();
        }
    }

    /**
     * Sends the day's totals again, whether or not they were sent (the actuator endpoint).
     *
     * @return whether they were handed to delivery
     * @throws RuntimeException when the merchant's query or the database fails
     */
    public synchronized boolean sendAgain(LocalDate day) {
        return days.sendAgain(day, () -> handOver(day));
    }

    /** Whether the latest due day is not sent yet (a run failed, or none ran yet). */
    public boolean latestDueDayPending() {
        return !days.isSent(latestDueDay());
    }

    /** The latest day sent (by any instance sharing the record). */
    public Optional<SentDay> lastSent() {
        return days.last();
    }

    /** Whether there is a {@link YoushuOrders} to send through. */
    public boolean canSend() {
        return orders.get() != null;
    }

    /** How many runs of {@link #sendDue()} have finished (tests, endpoint). */
    public long runs() {
        return runs.get();
    }

    public LocalTime sendAt() {
        return sendAt;
    }

    public ZoneId zone() {
        return zone;
    }

    public int catchUpDays() {
        return catchUpDays;
    }

    /** Where the days sent are recorded. */
    public String storage() {
        return days.describe();
    }

    /** @return {@code true} sent by this call, {@code false} sent already (here or elsewhere), {@code null} failed */
    private Boolean send(LocalDate day) {
        if (days.isSent(day)) {
            return false;
        }
        try {
            boolean sent = days.sendOnce(day, () -> handOver(day));
            if (sent) {
                log.info("Youshu daily totals of {} handed to delivery (order/add_order_sum)", day);
                return true;
            }
            // Not sent: another instance recorded the day first, or the totals were not handed over.
            return days.isSent(day) ? Boolean.FALSE : null;
        }
        catch (RuntimeException ex) {
            log.warn("Youshu daily totals of {} not sent: {}; the next run tries again", day, ex.toString(), ex);
            return null;
        }
    }

    private boolean handOver(LocalDate day) {
        OrderSum sum = totals.totalsOf(day);
        if (sum == null) {
            log.warn("Youshu daily totals of {} not sent: the OrderDailyTotals bean gave null; the next run tries again", day);
            return false;
        }
        boolean accepted = orders.get().addOrderSum(sum.toBuilder().refDate(day).build());
        if (!accepted) {
            log.warn("Youshu daily totals of {} were refused (see the validation message above); the next run tries again", day);
        }
        return accepted;
    }
}
