package io.github.youshu.actuate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.SendResultDescription;
import io.github.youshu.delivery.YoushuDeliveryListener;
import io.github.youshu.transport.SendResult;

/**
 * Remembers how the latest requests to Youshu went, for the health indicator: when the last one
 * succeeded, when and why the last one failed transiently, and how many failed in a row since the
 * last success. A request Youshu rejected got an answer, so it changes none of these.
 */
final class DeliveryOutcomeTracker implements YoushuDeliveryListener {

    private final Clock clock;

    private State state = new State(null, null, null, 0);

    DeliveryOutcomeTracker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void onSent(List<OutboundEvent> events) {
        state = new State(clock.instant(), state.lastFailure(), state.lastFailureMessage(), 0);
    }

    @Override
    public synchronized void onFailed(List<OutboundEvent> events, SendResult result) {
        state = new State(state.lastSuccess(), clock.instant(), SendResultDescription.of(result),
                state.consecutiveFailures() + 1);
    }

    synchronized State state() {
        return state;
    }

    /**
     * @param lastSuccess         when Youshu last accepted a request, or {@code null}
     * @param lastFailure         when a request last failed transiently, or {@code null}
     * @param lastFailureMessage  why it failed (an HTTP status and a short reason, never a secret)
     * @param consecutiveFailures transient failures since the last accepted request
     */
    record State(Instant lastSuccess, Instant lastFailure, String lastFailureMessage, int consecutiveFailures) {
    }
}
