package io.github.youshu.delivery;

import java.util.List;

import io.github.youshu.transport.SendResult;

/**
 * Hears what became of delivered events. Every bean of this type is notified, on a delivery
 * thread, after the outcome is recorded. Keep implementations quick; an exception thrown by a
 * listener is logged and ignored, it never affects delivery.
 */
public interface YoushuDeliveryListener {

    /** Youshu accepted these events (one request). */
    default void onSent(List<OutboundEvent> events) {
    }

    /**
     * A request with these events failed without rejecting them: transiently, or refused as a whole
     * ({@link io.github.youshu.transport.SendOutcome#REQUEST_REJECTED}: credentials, signature,
     * clock, configuration). They will be retried unless out of budget.
     */
    default void onFailed(List<OutboundEvent> events, SendResult result) {
    }

    /**
     * These events will never be sent: Youshu rejected them, or they ran out of retries. They are
     * kept as dead letters (in memory, or in the outbox table).
     */
    default void onDeadLettered(List<OutboundEvent> events, String reason) {
    }
}
