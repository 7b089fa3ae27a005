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

    private final DeliveryRoute route;

    /**
     * A behaviour event ({@link DeliveryRoute#EVENTS}).
     *

     * @param type      the Youshu event type, e.g. {@code custom_order}
     * @param orderId   the order id the event is about, or {@code null} for events without one
     * @param json      the event as one UTF-8 JSON object; taken over, not copied (it is created
     *                  on the caller's thread for this event alone): the caller must not modify it
     * @param createdAt when the event was accepted by the library
     */
    public OutboundEvent(String type, String orderId, byte[] json, Instant createdAt) {
        this(DeliveryRoute.EVENTS, type, orderId, json, createdAt);
    }

    /**
     * A record of any route: a behaviour event, or a data-api item.
     *
     * @param route     where it goes
     * @param type      the event type, or for a data-api item its endpoint's path (e.g.
     *                  {@code order/add_order}): the key of the statistics and metrics
     * @param orderId   the order id it is about, or {@code null}
     * @param json      one UTF-8 JSON object, taken over, not copied
     * @param createdAt when it was accepted by the library
     */
    public OutboundEvent(DeliveryRoute route, String type, String orderId, byte[] json, Instant createdAt) {
        this.route = Objects.requireNonNull(route, "route");
        this.type = Objects.requireNonNull(type, "type");
        this.orderId = orderId;
        this.json = Objects.requireNonNull(json, "json");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Where the record goes: {@link DeliveryRoute#EVENTS} or a data-api endpoint. */
    public DeliveryRoute route() {
        return route;
    }

    /**
     * What orders the record among others: its order id within its route's
     * {@linkplain DeliveryRoute#orderingScope() ordering scope} (e.g. {@code data-api:ORD-1}), or
     * {@code null} when it has no order id. Records with the same key leave in the order they were
     * recorded; a behaviour event and a data-api item of one order have different keys.
     */
    public String orderingKey() {
        return orderId == null ? null : route.orderingScope() + ":" + orderId;
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
        return "OutboundEvent[route=" + route + ", type=" + type + ", orderId=" + orderId + ", bytes=" + json.length + ", createdAt=" + createdAt + "]";
    }
}
