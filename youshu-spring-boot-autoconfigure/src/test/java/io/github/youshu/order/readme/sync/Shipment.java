package io.github.youshu.order.readme.sync;

import java.time.Instant;

/** A parcel sent for an order. */
public record Shipment(String orderId, String trackingNumber, Instant shippedAt) {
}
