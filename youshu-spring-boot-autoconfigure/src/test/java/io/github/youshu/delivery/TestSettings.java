package io.github.youshu.delivery;

import java.time.Duration;

/** Builds {@link DeliverySettings} for tests, starting from the defaults. */
public final class TestSettings {

    private int queueCapacity;
    private long queueMaxBytes;
    private OverflowPolicy overflow;
    private int maxBatchSize;
    private long maxBatchBytes;
    private Duration flushInterval;
    private int concurrency;
    private Duration backoffInitial;
    private double backoffMultiplier;
    private Duration backoffMax;
    private Duration maxRetryDuration;
    private int deadLetterCapacity;
    private Duration shutdownTimeout;

    private TestSettings(DeliverySettings d) {
        queueCapacity = d.queueCapacity();
        queueMaxBytes = d.queueMaxBytes();
        overflow = d.overflow();
        maxBatchSize = d.maxBatchSize();
        maxBatchBytes = d.maxBatchBytes();
        flushInterval = d.flushInterval();
        concurrency = d.concurrency();
        backoffInitial = d.backoffInitial();
        backoffMultiplier = d.backoffMultiplier();
        backoffMax = d.backoffMax();
        maxRetryDuration = d.maxRetryDuration();
        deadLetterCapacity = d.deadLetterCapacity();
        shutdownTimeout = d.shutdownTimeout();
    }

    /** The defaults, with quick retries (10 ms doubling up to 50 ms). */
    public static TestSettings quick() {
        return new TestSettings(DeliverySettings.defaults()).backoff(Duration.ofMillis(10), Duration.ofMillis(50));
    }

    public TestSettings queue(int capacity, long maxBytes, OverflowPolicy overflow) {
        this.queueCapacity = capacity;
        this.queueMaxBytes = maxBytes;
        this.overflow = overflow;
        return this;
    }

    public TestSettings batch(int size, long bytes) {
        this.maxBatchSize = size;
        this.maxBatchBytes = bytes;
        return this;
    }

    public TestSettings flushInterval(Duration flushInterval) {
        this.flushInterval = flushInterval;
        return this;
    }

    public TestSettings concurrency(int concurrency) {
        this.concurrency = concurrency;
        return this;
    }

    public TestSettings backoff(Duration initial, Duration max) {
        this.backoffInitial = initial;
        this.backoffMax = max;
        return this;
    }

    public TestSettings maxRetryDuration(Duration maxRetryDuration) {
        this.maxRetryDuration = maxRetryDuration;
        return this;
    }

    public TestSettings deadLetterCapacity(int deadLetterCapacity) {
        this.deadLetterCapacity = deadLetterCapacity;
        return this;
    }

    public TestSettings shutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
        return this;
    }

    public DeliverySettings build() {
        return new DeliverySettings(queueCapacity, queueMaxBytes, overflow, maxBatchSize, maxBatchBytes, flushInterval,
                concurrency, backoffInitial, backoffMultiplier, backoffMax, maxRetryDuration, deadLetterCapacity,
                shutdownTimeout);
    }
}
