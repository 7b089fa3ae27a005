package io.github.youshu.simulator;

import java.util.ArrayDeque;
import java.util.List;

/** The last {@code capacity} received events, oldest first; older ones are dropped as new ones arrive. */
final class EventLog {

    private final int capacity;
    private final ArrayDeque<ReceivedEvent> events = new ArrayDeque<>();
    private long dropped;

    EventLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void addAll(List<ReceivedEvent> received) {
        for (ReceivedEvent event : received) {
            if (events.size() == capacity) {
                events.removeFirst();
                dropped++;
            }
            events.addLast(event);
        }
    }

    synchronized List<ReceivedEvent> snapshot() {
        return List.copyOf(events);
    }

    /** How many events were dropped to keep within capacity since the last {@link #clear()}. */
    synchronized long dropped() {
        return dropped;
    }

    synchronized void clear() {
        events.clear();
        dropped = 0;
    }
}
