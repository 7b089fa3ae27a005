package io.github.youshu.expression;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Logs report failures without flooding the log: the first occurrence of a failure is logged at
 * WARN in full; identical ones (same key) are only counted, and the count is logged with the next
 * occurrence once {@link #SUMMARY_INTERVAL} has passed. At most {@link #MAX_KEYS} distinct failures
 * are tracked; beyond that, failures share one summary line.
 */
public final class ReportFailureLog {

    /** How often a repeated failure is summarised at most. */
    static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

    /** How many distinct failures are tracked. */
    static final int MAX_KEYS = 512;

    private static final String OVERFLOW_KEY = "\0overflow";

    private static final Logger log = LoggerFactory.getLogger(ReportFailureLog.class);

    private final ConcurrentMap<String, Occurrences> seen = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public ReportFailureLog() {
        this(System::nanoTime);
    }

    ReportFailureLog(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * @param key     what makes two failures identical (not containing per-call values such as ids)
     * @param message the full description, logged on the first occurrence and with each summary
     * @param cause   the exception behind the failure, logged with its stack trace at DEBUG; may be {@code null}
     */
    public void failed(String key, String message, Throwable cause) {
        Occurrences occurrences = seen.get(key);
        if (occurrences == null) {
            if (seen.size() >= MAX_KEYS) {
                key = OVERFLOW_KEY;
                message = "Youshu events keep failing for more than " + MAX_KEYS + " different reasons; the latest: " + message;
            }
            Occurrences created = new Occurrences(nanoClock.getAsLong());
            occurrences = seen.putIfAbsent(key, created);
            if (occurrences == null) {
                log.warn(message);
                if (cause != null) {
                    log.debug("Cause of the Youshu report failure above", cause);
                }
                return;
            }
        }
        occurrences.repeated(message, nanoClock.getAsLong());
    }

    private static final class Occurrences {
        private final AtomicLong unlogged = new AtomicLong();
        private final AtomicLong lastLogged;

        Occurrences(long now) {
            this.lastLogged = new AtomicLong(now);
        }

        void repeated(String message, long now) {
            unlogged.incrementAndGet();
            long last = lastLogged.get();
            if (now - last >= SUMMARY_INTERVAL.toNanos() && lastLogged.compareAndSet(last, now)) {
                long count = unlogged.getAndSet(0);
                log.warn("{} [repeated {} times in the last {}s]", message, count, (now - last) / 1_000_000_000L);
            }
        }
    }
}
