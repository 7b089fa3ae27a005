package io.github.youshu.dailytotals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The days sent by this instance, in memory: without a DataSource every instance sends the daily
 * totals itself, and a restart forgets what was sent (the catch-up then sends only the latest due day).
 * Thread-safe.
 */
public final class MemorySentDays implements SentDays {

    private final TreeMap<LocalDate, SentDay> sent = new TreeMap<>();
    private final Clock clock;
    private final String instance;

    public MemorySentDays(Clock clock, String instance) {
        this.clock = clock;
        this.instance = instance;
    }

    @Override
    public synchronized boolean isSent(LocalDate day) {
        return sent.containsKey(day);
    }

    @Override
    public synchronized boolean sendOnce(LocalDate day, BooleanSupplier send) {
        return !sent.containsKey(day) && sendAgain(day, send);
    }

    @Override
    public synchronized boolean sendAgain(LocalDate day, BooleanSupplier send) {
        if (!send.getAsBoolean()) {
            return false;
        }
        sent.put(day, new SentDay(day, clock.instant(), instance));
        return true;
    }

    @Override
    public synchronized Optional<SentDay> last() {
        return sent.isEmpty() ? Optional.empty() : Optional.of(sent.lastEntry().getValue());
    }

    @Override
    public String describe() {
        return "memory (this instance only: no DataSource)";
    }
}
