package io.github.youshu.delivery.memory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.github.youshu.delivery.OutboundEvent;

/**
 * The most recent dead letters of the memory store, at most {@code capacity}: when full, the
 * oldest is evicted and counted. Thread-safe.
 */
public final class DeadLetters {

    private final int capacity;

    private final Deque<DeadLetter> letters = new ArrayDeque<>();

    private long evicted;

    public DeadLetters(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("dead-letter capacity must be greater than 0 (was " + capacity + ")");
        }
        this.capacity = capacity;
    }

    /** Keeps the events as dead letters, evicting the oldest letters beyond the capacity. */
    public synchronized void add(List<OutboundEvent> events, String reason) {
        Instant now = Instant.now();
        for (OutboundEvent event : events) {
            if (letters.size() == capacity) {
                letters.removeFirst();
                evicted++;
            }
            letters.addLast(new DeadLetter(event, reason, now));
        }
    }

    /** The dead letters kept, oldest first. */
    public synchronized List<DeadLetter> list() {
        return List.copyOf(letters);
    }

    /** Removes every dead letter kept and returns them, oldest first (to re-send or purge them). */
    public synchronized List<DeadLetter> drain() {
        List<DeadLetter> drained = List.copyOf(letters);
        letters.clear();
        return drained;
    }

    /** How many dead letters were evicted to make room for newer ones. */
    public synchronized long evictedCount() {
        return evicted;
    }
}
