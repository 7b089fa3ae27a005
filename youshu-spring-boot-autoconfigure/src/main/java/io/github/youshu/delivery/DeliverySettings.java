package io.github.youshu.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * Every limit of asynchronous delivery, as bound from the {@code youshu.delivery.*} properties.
 * Immutable; the constructor rejects values that cannot work and names the property at fault.
 *
 * @param queueCapacity      most events held at once: queued, waiting for a retry or in flight
 * @param queueMaxBytes      most bytes of event JSON held at once, counted like {@code queueCapacity}
 * @param overflow           what happens to an event that does not fit
 * @param maxBatchSize       most events in one request
 * @param maxBatchBytes      most bytes in one request body (the JSON array)
 * @param flushInterval      longest a partial batch waits for more events, from its oldest event
 * @param concurrency        how many requests may be in flight at once
 * @param backoffInitial     wait before the first retry
 * @param backoffMultiplier  factor applied to the wait after every failed attempt
 * @param backoffMax         longest wait between two attempts (before jitter)
 * @param maxRetryDuration   how long after its acceptance an event may still be retried; {@code null}
 *                           or zero means without limit
 * @param deadLetterCapacity most dead letters kept in memory (the oldest are evicted)
 * @param shutdownTimeout    how long stopping waits for the queue to drain
 */
public record DeliverySettings(
        int queueCapacity,
        long queueMaxBytes,
        OverflowPolicy overflow,
        int maxBatchSize,
        long maxBatchBytes,
        Duration flushInterval,
        int concurrency,
        Duration backoffInitial,
        double backoffMultiplier,
        Duration backoffMax,
        Duration maxRetryDuration,
        int deadLetterCapacity,
        Duration shutdownTimeout) {

    private static final String PREFIX = "youshu.delivery.";

    private static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(10);

    public DeliverySettings {
        requirePositive(queueCapacity, "queue-capacity");
        requirePositive(queueMaxBytes, "queue-max-bytes");
        Objects.requireNonNull(overflow, PREFIX + "overflow must be set");
        requirePositive(maxBatchSize, "max-batch-size");
        if (maxBatchBytes <= maxBatchSize + 1L) {
            throw new IllegalArgumentException(PREFIX + "max-batch-bytes must be greater than max-batch-size + 1 (was "
                    + maxBatchBytes + " bytes for " + maxBatchSize + " events)");
        }
        if (maxBatchBytes > queueMaxBytes) {
            throw new IllegalArgumentException(PREFIX + "max-batch-bytes (" + maxBatchBytes + " bytes) must not be larger than "
                    + PREFIX + "queue-max-bytes (" + queueMaxBytes + " bytes): a batch is taken from what the queue holds");
        }
        requirePositive(flushInterval, "flush-interval");
        requirePositive(concurrency, "concurrency");
        requirePositive(backoffInitial, "backoff-initial");
        if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
            throw new IllegalArgumentException(PREFIX + "backoff-multiplier must be at least 1 (was " + backoffMultiplier + ")");
        }
        requirePositive(backoffMax, "backoff-max");
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException(PREFIX + "backoff-max must not be shorter than backoff-initial (was "
                    + backoffMax + " < " + backoffInitial + ")");
        }
        if (maxRetryDuration != null && maxRetryDuration.isNegative()) {
            throw new IllegalArgumentException(PREFIX + "max-retry-duration must not be negative (was " + maxRetryDuration + ")");
        }
        requirePositive(deadLetterCapacity, "dead-letter-capacity");
        requirePositive(shutdownTimeout, "shutdown-timeout");
    }

    /**
     * The defaults: a queue of 10,000 events or 16 MiB, drop-newest; batches of 50 events or
     * 512 KiB, flushed after 1 s; 2 concurrent requests; retries after 500 ms, doubling up to 60 s,
     * for at most 1 hour; 1,000 dead letters kept; 10 s to drain on shutdown.
     */
    /** These settings with another retry budget ({@code null} or zero: without limit), as the outbox uses. */
    public DeliverySettings withMaxRetryDuration(Duration retryBudget) {
        return new DeliverySettings(queueCapacity, queueMaxBytes, overflow, maxBatchSize, maxBatchBytes, flushInterval,
                concurrency, backoffInitial, backoffMultiplier, backoffMax, retryBudget, deadLetterCapacity, shutdownTimeout);
    }

    public static DeliverySettings defaults() {
        return new DeliverySettings(10_000, 16L * 1024 * 1024, OverflowPolicy.DROP_NEWEST, 50, 512L * 1024,
                Duration.ofSeconds(1), 2, Duration.ofMillis(500), 2.0, Duration.ofSeconds(60), Duration.ofHours(1),
                1_000, Duration.ofSeconds(10));
    }

    /**
     * The most bytes of event JSON in one batch: {@code maxBatchBytes} less what the array's
     * brackets and commas may take.
     */
    public long maxBatchEventBytes() {
        return maxBatchBytes - (maxBatchSize + 1L);
    }

    /** Whether events are retried until they are delivered, however long it takes. */
    public boolean retriesWithoutLimit() {
        return maxRetryDuration == null || maxRetryDuration.isZero();
    }

    /**
     * How often a relay over the memory store looks for due events: a tenth of the flush interval,
     * at least 10 ms, so that a partial batch leaves soon after its oldest event is flush-interval old.
     */
    public Duration pollInterval() {
        Duration tenth = flushInterval.dividedBy(10);
        return tenth.compareTo(MIN_POLL_INTERVAL) < 0 ? MIN_POLL_INTERVAL : tenth;
    }

    private static void requirePositive(long value, String property) {
        if (value <= 0) {
            throw new IllegalArgumentException(PREFIX + property + " must be greater than 0 (was " + value + ")");
        }
    }

    private static void requirePositive(Duration value, String property) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(PREFIX + property + " must be a positive duration (was " + value + ")");
        }
    }
}
