package io.github.youshu.simulator;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@code capacity} entries (received events, received requests), oldest first; older ones are dropped
 * as new ones arrive.
 *
 * @param <T> the entry type (immutable)
 */
final class BoundedLog<T> {

    private final int capacity;
    private final ArrayDeque<T> entries = new ArrayDeque<>();
    private long dropped;

    BoundedLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(T entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(entry);
    }

    synchronized void addAll(List<T> received) {
        received.forEach(this::add);
    }

    synchronized List<T> snapshot() {
        return List.copyOf(entries);
    }

    /** How many entries were dropped to keep within capacity since the last {@link #clear()}. */
    synchronized long dropped() {
        return dropped;
    }

    synchronized void clear() {
        entries.clear();
        dropped = 0;
    }
}
