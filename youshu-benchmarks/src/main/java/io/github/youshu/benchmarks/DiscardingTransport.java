package io.github.youshu.benchmarks;

import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;
import java.util.concurrent.atomic.LongAdder;

/** A transport that accepts every batch at once and only counts it: delivery with no network. */
public final class DiscardingTransport implements YoushuTransport {

    private final LongAdder requests = new LongAdder();
    private final LongAdder events = new LongAdder();

    @Override
    public SendResult send(byte[] jsonBody, int eventCount) {
        requests.increment();
        events.add(eventCount);
        return SendResult.accepted(200, 0, "discarded");
    }

    public long requests() {
        return requests.sum();
    }

    public long events() {
        return events.sum();
    }
}
