package io.github.youshu.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs events that will never reach Youshu without writing a line per event: the first loss of
 * each {@link LossReason} is a warning of its own, later ones are counted and logged as one
 * summary at most once a minute (at the next loss or {@link #summariseIfDue()} after the minute,
 * and at {@link #flush()} on shutdown). Cheap enough for the caller's thread: a line is only ever
 * written outside the lock.
 */
public final class LossReporter {

    private static final Logger log = LoggerFactory.getLogger(LossReporter.class);

    static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

    private final Clock clock;

    private final Set<LossReason> warned = EnumSet.noneOf(LossReason.class);

    private final Map<LossReason, Long> unreported = new EnumMap<>(LossReason.class);

    private Instant lastSummary;

    public LossReporter() {
        this(Clock.systemUTC());
    }

    LossReporter(Clock clock) {
        this.clock = clock;
        this.lastSummary = clock.instant();
    }

    /**
     * Reports one lost event.
     *
     * @param detail why, in a few words (the queue's limits, Youshu's answer); never event content
     */
    public void report(LossReason reason, OutboundEvent event, String detail) {
        String line;
        synchronized (this) {
            if (warned.add(reason)) {
                if (unreported.isEmpty()) {
                    lastSummary = clock.instant();
                }
                line = "Youshu event " + event.type() + (event.orderId() != null ? " (order " + event.orderId() + ")" : "")
                        + " " + reason.description() + ": " + detail
                        + ". Further lost events are summarised at most once a minute.";
            }
            else {
                unreported.merge(reason, 1L, Long::sum);
                line = summaryIfDue(false);
            }
        }
        if (line != null) {
            log.warn(line);
        }
    }

    /** Logs the summary of the losses not yet logged, if there are any and the last summary is a minute old. */
    public void summariseIfDue() {
        summarise(false);
    }

    /** Logs the summary of the losses not yet logged, if there are any. */
    public void flush() {
        summarise(true);
    }

    private void summarise(boolean now) {
        String line;
        synchronized (this) {
            line = summaryIfDue(now);
        }
        if (line != null) {
            log.warn(line);
        }
    }

    private String summaryIfDue(boolean now) {
        Instant time = clock.instant();
        if (unreported.isEmpty() || (!now && time.isBefore(lastSummary.plus(SUMMARY_INTERVAL)))) {
            return null;
        }
        long total = 0;
        StringJoiner reasons = new StringJoiner("; ");
        for (Map.Entry<LossReason, Long> entry : unreported.entrySet()) {
            total += entry.getValue();
            reasons.add(entry.getValue() + " " + entry.getKey().description());
        }
        String line = "Youshu delivery lost " + total + " more events since " + lastSummary + ": " + reasons;
        unreported.clear();
        lastSummary = time;
        return line;
    }
}
