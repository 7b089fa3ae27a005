package io.github.youshu.dailytotals;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The record of which days' totals were sent: what makes the daily totals go out once per day.
 * Implementations: {@link JdbcSentDays} (a table shared by every instance on the database) and
 * {@link MemorySentDays} (this instance only).
 */
public interface SentDays {

    /** Whether the day's totals were sent already. */
    boolean isSent(LocalDate day);

    /**
     * Records the day as sent and calls {@code send}, atomically: when the day is recorded already
     * (by any instance), {@code send} is not called; when {@code send} answers {@code false} or throws,
     * the day is not recorded (so it is tried again).
     *
     * @param send hands the day's totals to delivery; {@code true} when accepted
     * @return whether this call recorded and sent the day
     */
    boolean sendOnce(LocalDate day, BooleanSupplier send);

    /**
     * Records the day as sent again (whether or not it was) and calls {@code send}; as
     * {@link #sendOnce} when {@code send} fails.
     *
     * @return whether the day was sent
     */
    boolean sendAgain(LocalDate day, BooleanSupplier send);

    /** The latest day sent, if any. */
    Optional<SentDay> last();

    /** Where the record is kept, for the actuator endpoint, e.g. {@code table youshu_order_sum_day}. */
    String describe();
}
