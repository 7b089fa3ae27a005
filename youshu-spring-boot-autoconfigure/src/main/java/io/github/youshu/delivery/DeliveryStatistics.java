package io.github.youshu.delivery;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what happened to events, per event type. When nothing is moving,
 * {@code accepted = sent + queued + in flight + dropped + dead-lettered}, where queued and in
 * flight are read from the event store. Invalid events never reach delivery and are counted apart.
 * Thread-safe; counting never blocks.
 */
public final class DeliveryStatistics {

    private final Map<String, Counters> byType = new ConcurrentHashMap<>();

    /** An event was handed to the event store (a {@link DeferredEvent}: once it was prepared, valid). */
    public void countAccepted(String type) {
        counters(type).accepted.increment();
    }

    /** An event was accepted by Youshu. */
    public void countSent(String type) {
        counters(type).sent.increment();
    }

    /**
     * An event will never be sent although Youshu never rejected it: refused or evicted by the
     * store, left at shutdown, or held back by a request-level failure until its retry budget ran
     * out (memory mode).
     */
    public void countDropped(String type) {
        counters(type).dropped.increment();
    }

    /** An event was rejected by Youshu or ran out of retries. */
    public void countDeadLettered(String type) {
        counters(type).deadLettered.increment();
    }

    /** An event failed evaluation or validation and never reached delivery. */
    public void countInvalid(String type) {
        counters(type).invalid.increment();
    }

    /** The counts so far, per event type (sorted by type). */
    public Snapshot snapshot() {
        Map<String, EventCounts> counts = new TreeMap<>();
        byType.forEach((type, c) -> counts.put(type, new EventCounts(c.accepted.sum(), c.sent.sum(), c.dropped.sum(),
                c.deadLettered.sum(), c.invalid.sum())));
        return new Snapshot(Collections.unmodifiableMap(counts));
    }

    private Counters counters(String type) {
        return byType.computeIfAbsent(type, t -> new Counters());
    }

    private static final class Counters {
        final LongAdder accepted = new LongAdder();
        final LongAdder sent = new LongAdder();
        final LongAdder dropped = new LongAdder();
        final LongAdder deadLettered = new LongAdder();
        final LongAdder invalid = new LongAdder();
    }

    /**
     * How many events of one type (or of all types) ended where.
     *
     * @param accepted     handed to the event store
     * @param sent         accepted by Youshu
     * @param dropped      refused or evicted by the store, left at shutdown, or out of budget after
     *                     request-level failures: never sent
     * @param deadLettered rejected by Youshu or out of retries
     * @param invalid      failed evaluation or validation, never handed to delivery
     */
    public record EventCounts(long accepted, long sent, long dropped, long deadLettered, long invalid) {

        /** No events. */
        public static final EventCounts NONE = new EventCounts(0, 0, 0, 0, 0);

        EventCounts plus(EventCounts other) {
            return new EventCounts(accepted + other.accepted, sent + other.sent, dropped + other.dropped,
                    deadLettered + other.deadLettered, invalid + other.invalid);
        }
    }

    /**
     * The counts at one moment.
     *
     * @param byType the counts per event type, sorted by type
     */
    public record Snapshot(Map<String, EventCounts> byType) {

        /** The counts of one type, {@link EventCounts#NONE} if none was seen. */
        public EventCounts of(String type) {
            return byType.getOrDefault(type, EventCounts.NONE);
        }

        /** The counts of all types together. */
        public EventCounts total() {
            return byType.values().stream().reduce(EventCounts.NONE, EventCounts::plus);
        }
    }
}
