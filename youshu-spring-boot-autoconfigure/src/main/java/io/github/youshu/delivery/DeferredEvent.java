package io.github.youshu.delivery;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An event accepted on the caller's thread whose validation and serialization are left to the
 * delivery side (memory mode, {@code youshu.failure-mode=log}): only what the caller must do ran on
 * its thread (the expressions, the context). A store that {@linkplain EventStore#appendDeferred
 * takes it unprepared} counts it at {@link #estimatedBytes()} and {@linkplain #prepare() prepares}
 * it on a relay thread before it forms a batch; everywhere else it is prepared where it is handed over.
 */
public final class DeferredEvent {

    private final String type;
    private final String orderId;
    private final long estimatedBytes;
    private final Supplier<OutboundEvent> preparation;

    /**
     * @param type           the Youshu event type, e.g. {@code custom_order}
     * @param orderId        the order id the event is about, or {@code null}
     * @param estimatedBytes an upper bound of the event's size in bytes of JSON, counted against
     *                       {@code youshu.delivery.queue-max-bytes} until the exact size is known
     * @param preparation    validates and serializes the event: the event to deliver, or
     *                       {@code null} when it is invalid (then already counted invalid and
     *                       logged with its order id); never throws but the JVM's fatal errors
     */
    public DeferredEvent(String type, String orderId, long estimatedBytes, Supplier<OutboundEvent> preparation) {
        this.type = Objects.requireNonNull(type, "type");
        this.orderId = orderId;
        if (estimatedBytes <= 0) {
            throw new IllegalArgumentException("estimatedBytes must be positive (was " + estimatedBytes + ")");
        }
        this.estimatedBytes = estimatedBytes;
        this.preparation = Objects.requireNonNull(preparation, "preparation");
    }

    public String type() {
        return type;
    }

    public String orderId() {
        return orderId;
    }

    /** An upper bound of the event's size in bytes of JSON. */
    public long estimatedBytes() {
        return estimatedBytes;
    }

    /**
     * Validates and serializes the event. Call it once.
     *
     * @return the event to deliver, or {@code null} when it is invalid (already counted and logged)
     */
    public OutboundEvent prepare() {
        return preparation.get();
    }

    @Override
    public String toString() {
        return "DeferredEvent[type=" + type + ", orderId=" + orderId + ", estimatedBytes=" + estimatedBytes + "]";
    }
}
