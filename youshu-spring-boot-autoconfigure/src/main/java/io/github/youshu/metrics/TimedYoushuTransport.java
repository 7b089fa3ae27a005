package io.github.youshu.metrics;

import io.github.youshu.transport.SendOutcome;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;

/**
 * Times every request of the transport it decorates into {@code youshu.http.requests}, tagged with
 * Youshu's answer. A request that throws or returns nothing counts as transient, as the relay
 * treats it.
 */
final class TimedYoushuTransport implements YoushuTransport {

    private final YoushuTransport delegate;

    private final YoushuMetrics metrics;

    TimedYoushuTransport(YoushuTransport delegate, YoushuMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public SendResult send(byte[] jsonBody, int eventCount) {
        long start = System.nanoTime();
        SendOutcome outcome = SendOutcome.TRANSIENT;
        try {
            SendResult result = delegate.send(jsonBody, eventCount);
            if (result != null) {
                outcome = result.outcome();
            }
            return result;
        }
        finally {
            metrics.requestCompleted(outcome, System.nanoTime() - start);
        }
    }

    @Override
    public String toString() {
        return "Timed " + delegate;
    }
}
