package io.github.youshu.actuate;

import io.github.youshu.dailytotals.DailyTotalsSender;
import io.github.youshu.dailytotals.SentDay;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The daily totals ({@code order/add_order_sum}) at {@code /actuator/youshudailytotals}: the last
 * day sent and the schedule (read), and sending a given day again
 * ({@code POST /actuator/youshudailytotals/2024-06-01}, write). Kept apart from the {@code youshu}
 * endpoint; expose it with {@code management.endpoints.web.exposure.include}.
 */
@Endpoint(id = "youshudailytotals")
public class YoushuDailyTotalsEndpoint {

    private final DailyTotalsSender sender;

    public YoushuDailyTotalsEndpoint(DailyTotalsSender sender) {
        this.sender = sender;
    }

    /** The last day sent (by any instance sharing the record) and the schedule. */
    @ReadOperation
    public DailyTotals dailyTotals() {
        SentDay last = sender.lastSent().orElse(null);
        return new DailyTotals(last == null ? null : last.day().toString(), last == null ? null : last.sentAt().toString(),
                last == null ? null : last.instance(), sender.latestDueDay().toString(), sender.sendAt().toString(),
                sender.zone().getId(), sender.catchUpDays(), sender.storage());
    }

    /**
     * Sends the day's totals again (a new {@code order/add_order_sum} item for it), whether or not
     * they were sent before.
     *
     * @param day the local day, {@code yyyy-MM-dd}
     * @throws IllegalArgumentException when {@code day} is not a date
     */
    @WriteOperation
    public Resent sendAgain(@Selector String day) {
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("day '" + day + "' is not a date: give yyyy-MM-dd, e.g. 2024-06-01");
        }
        return new Resent(date.toString(), sender.sendAgain(date));
    }

    /**
     * @param lastSentDay the latest day sent ({@code yyyy-MM-dd}), or {@code null} when none
     * @param lastSentAt  when it was handed to delivery (ISO instant), or {@code null}
     * @param lastSentBy  the instance that sent it, or {@code null}
     * @param latestDueDay the latest day whose totals are due now
     * @param sendAt      the local time of day they are sent
     * @param zone        the zone days and {@code sendAt} are local to ({@code youshu.zone})
     * @param catchUpDays how many missed days before the latest due day are sent late
     * @param storage     where the days sent are recorded
     */
    public record DailyTotals(String lastSentDay, String lastSentAt, String lastSentBy, String latestDueDay, String sendAt,
                              String zone, int catchUpDays, String storage) {
    }

    /**
     * @param day  the day sent again
     * @param sent whether its totals were handed to delivery (see the log when not)
     */
    public record Resent(String day, boolean sent) {
    }
}
