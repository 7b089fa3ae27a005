package io.github.youshu.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most recently dropped events, so that every dropped order can be found by its id (the
 * {@code youshu} actuator endpoint lists them, the health indicator counts them), and how many of
 * each {@linkplain DroppedEvent#outcome() outcome} were dropped in the last hour, counted per
 * minute. Bounded: at most {@code capacity} events are kept (the oldest are forgotten) and 60
 * counters per outcome. Thread-safe; recording is cheap enough for the caller's thread.
 */
public final class RecentDrops {

    /** The longest window {@link #countWithin} can count. */
    public static final Duration MAX_WINDOW = Duration.ofMinutes(60);

    /** How many drops are kept by default ({@code youshu.delivery.recent-drops-kept}). */
    public static final int DEFAULT_CAPACITY = 100;

    private static final int MINUTES = (int) MAX_WINDOW.toMinutes();

    private final int capacity;

    private final Clock clock;

    private final Deque<DroppedEvent> newestFirst = new ArrayDeque<>();

    private final Map<String, long[]> countsByOutcome = new HashMap<>();

    private final Map<String, long[]> minutesByOutcome = new HashMap<>();

    private final Map<String, DroppedEvent> latestByOutcome = new HashMap<>();

    /**
     * @param capacity most drops kept, at least 0
     * @throws IllegalArgumentException for a negative capacity
     */
    public RecentDrops(int capacity, Clock clock) {
        if (capacity < 0) {
            throw new IllegalArgumentException("youshu.delivery.recent-drops-kept must not be negative (was " + capacity + ")");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Records a dropped event, dated now. */
    public void record(String type, String orderId, String outcome, String reason, String maskedUser) {
        Instant now = clock.instant();
        DroppedEvent drop = new DroppedEvent(type, orderId, outcome, reason, now, maskedUser);
        long minute = now.getEpochSecond() / 60;
        int slot = (int) (minute % MINUTES);
        synchronized (this) {
            if (capacity > 0) {
                if (newestFirst.size() == capacity) {
                    newestFirst.removeLast();
                }
                newestFirst.addFirst(drop);
            }
            long[] counts = countsByOutcome.computeIfAbsent(outcome, o -> new long[MINUTES]);
            long[] minutes = minutesByOutcome.computeIfAbsent(outcome, o -> new long[MINUTES]);
            if (minutes[slot] != minute) {
                minutes[slot] = minute;
                counts[slot] = 0;
            }
            counts[slot]++;
            latestByOutcome.put(outcome, drop);
        }
    }

    /** The kept drops, newest first. */
    public synchronized List<DroppedEvent> newestFirst() {
        return new ArrayList<>(newestFirst);
    }

    /**
     * How many events of the outcome were dropped within the window before now, counted by whole
     * minutes (the current minute included).
     *
     * @param window at most {@link #MAX_WINDOW}
     */
    public synchronized long countWithin(String outcome, Duration window) {
        long[] counts = countsByOutcome.get(outcome);
        if (counts == null) {
            return 0;
        }
        long[] minutes = minutesByOutcome.get(outcome);
        long now = clock.instant().getEpochSecond() / 60;
        long oldest = now - Math.max(1, Math.min(MINUTES, (window.toSeconds() + 59) / 60)) + 1;
        long total = 0;
        for (int slot = 0; slot < MINUTES; slot++) {
            if (minutes[slot] >= oldest && minutes[slot] <= now) {
                total += counts[slot];
            }
        }
        return total;
    }

    /** The newest drop of the outcome, or {@code null} when there was none. */
    public synchronized DroppedEvent latest(String outcome) {
        return latestByOutcome.get(outcome);
    }
}
