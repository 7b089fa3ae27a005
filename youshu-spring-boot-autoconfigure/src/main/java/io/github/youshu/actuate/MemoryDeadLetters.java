package io.github.youshu.actuate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.memory.DeadLetter;
import io.github.youshu.delivery.memory.DeadLetters;
import io.github.youshu.delivery.memory.MemoryEventStore;

/**
 * {@link YoushuDeadLetters} of the memory store. A re-sent letter is counted as accepted again, so
 * that the delivery statistics still add up. Re-sending stops at the first letter the store
 * refuses: that refusal is counted and logged as a dropped event like any other, and that letter
 * and the ones after it are kept as dead letters (dated anew).
 */
final class MemoryDeadLetters implements YoushuDeadLetters {

    private final DeadLetters deadLetters;

    private final MemoryEventStore store;

    private final DeliveryStatistics statistics;

    private final Clock clock;

    MemoryDeadLetters(DeadLetters deadLetters, MemoryEventStore store, DeliveryStatistics statistics, Clock clock) {
        this.deadLetters = deadLetters;
        this.store = store;
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public long count() {
        return deadLetters.list().size();
    }

    @Override
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> oldestFirst = deadLetters.list();
        List<DeadLetter> newestFirst = new ArrayList<>(Math.min(limit, oldestFirst.size()));
        for (int i = oldestFirst.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            newestFirst.add(oldestFirst.get(i));
        }
        return newestFirst;
    }

    @Override
    public int resendAll() {
        List<DeadLetter> letters = deadLetters.drain();
        for (int i = 0; i < letters.size(); i++) {
            OutboundEvent dead = letters.get(i).event();
            statistics.countAccepted(dead.type());
            if (!store.append(new OutboundEvent(dead.type(), dead.orderId(), dead.json(), clock.instant()))) {
                for (DeadLetter kept : letters.subList(i, letters.size())) {
                    deadLetters.add(List.of(kept.event()), kept.reason());
                }
                return i;
            }
        }
        return letters.size();
    }

    @Override
    public int purge() {
        return deadLetters.drain().size();
    }
}
