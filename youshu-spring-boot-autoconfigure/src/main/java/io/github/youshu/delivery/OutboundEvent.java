package io.github.youshu.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * An event that passed validation and was serialized (on the caller's thread, or on a relay's for
 * a {@link DeferredEvent}): the immutable value that travels through an {@link EventStore} to the transport.
 */
public final class OutboundEvent {

    private final String type;
    private final String orderId;
    private final byte[] json;
    private final Instant createdAt;

    /**
     * @param type      the Youshu event type, e.g. {@code custom_order}
     * @param orderId   the order id the event is about, or {@code null} for events without one
     * @param json      the event as one UTF-8 JSON object; taken over, not copied (it is created
     *                  on the caller's thread for this event alone): the caller must not modify it
     * @param createdAt when the event was accepted by the library
     */
    public OutboundEvent(String type, String orderId, byte[] json, Instant createdAt) {
        this.type = Objects.requireNonNull(type, "type");
        this.orderId = orderId;
        this.json = Objects.requireNonNull(json, "json");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public String type() {
        return type;
    }

    public String orderId() {
        return orderId;
    }

    /** The serialized event. The array is shared: callers must not modify it. */
    public byte[] json() {
        return json;
    }

    public int sizeInBytes() {
        return json.length;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String jsonAsString() {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OutboundEvent[type=" + type + ", orderId=" + orderId + ", bytes=" + json.length + ", createdAt=" + createdAt + "]";
    }
}
