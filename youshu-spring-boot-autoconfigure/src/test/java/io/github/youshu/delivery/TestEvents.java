package io.github.youshu.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Outbound events for tests: each carries its sequence number, {@code {"type":..,"seq":n}}. */
public final class TestEvents {

    private TestEvents() {
    }

    public static OutboundEvent event(int seq) {
        return event("custom_order", seq);
    }

    public static OutboundEvent event(String type, int seq) {
        return event(type, seq, Instant.now());
    }

    public static OutboundEvent event(String type, int seq, Instant createdAt) {
        String json = "{\"type\":\"" + type + "\",\"seq\":" + seq + "}";
        return new OutboundEvent(type, "order-" + seq, json.getBytes(StandardCharsets.UTF_8), createdAt);
    }

    /** An event about order {@code orderId} (several events may share one): {@code {"type":"custom_order","seq":n}}. */
    public static OutboundEvent orderEvent(int seq, String orderId) {
        String json = "{\"type\":\"custom_order\",\"seq\":" + seq + "}";
        return new OutboundEvent("custom_order", orderId, json.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    /** An event whose JSON is {@code size} bytes long. */
    public static OutboundEvent eventOfSize(int seq, int size) {
        String prefix = "{\"seq\":" + seq + ",\"pad\":\"";
        String json = prefix + "x".repeat(size - prefix.length() - 2) + "\"}";
        return new OutboundEvent("custom_order", "order-" + seq, json.getBytes(StandardCharsets.UTF_8), Instant.now());
    }
}
