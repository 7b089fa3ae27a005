package io.github.youshu.actuate;

import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.memory.DeadLetter;
import io.github.youshu.delivery.outbox.OutboxDeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outbox table's dead letters (status {@code dead}) as the actuator endpoint shows them. */
final class OutboxYoushuDeadLetters implements YoushuDeadLetters {

    private final OutboxDeadLetters deadLetters;

    OutboxYoushuDeadLetters(OutboxDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public long count() {
        return deadLetters.count();
    }

    @Override
    public List<DeadLetter> list(int limit) {
        int shown = Math.min(limit, OutboxDeadLetters.MAX_LIMIT);
        int offset = (int) Math.max(0, count() - shown);
        List<DeadLetter> newestFirst = new ArrayList<>();
        for (io.github.youshu.delivery.outbox.DeadLetter row : deadLetters.list(offset, shown)) {
            OutboundEvent event = new OutboundEvent(row.type(), row.orderId(), row.json().getBytes(StandardCharsets.UTF_8),
                    row.createdAt());
            newestFirst.add(new DeadLetter(event, row.lastError(), row.deadAt()));
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public int resendAll() {
        return deadLetters.resendAll();
    }

    @Override
    public int purge() {
        return deadLetters.purgeAll();
    }
}
