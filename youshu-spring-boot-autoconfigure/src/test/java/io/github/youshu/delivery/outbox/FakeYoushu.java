package io.github.youshu.delivery.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;

/**
 * A fake Youshu transport: a script answers each request from the order ids of its events; the
 * events of accepted requests are counted by order id (what the server stored).
 */
final class FakeYoushu implements YoushuTransport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private volatile Function<List<String>, SendResult> script = orderIds -> accepted();
    private final Map<String, AtomicInteger> stored = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> acceptedChanges = Collections.synchronizedList(new ArrayList<>());

    static SendResult accepted() {
        return SendResult.accepted(200, 0, "ok");
    }

    static SendResult unavailable() {
        return SendResult.transientFailure(503, "Service Unavailable", null);
    }

    /** Answers the following requests with {@code script}. */
    void answer(Function<List<String>, SendResult> script) {
        this.script = script;
    }

    @Override
    public SendResult send(byte[] jsonBody, int eventCount) {
        requests.incrementAndGet();
        List<String> orderIds = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        try {
            for (JsonNode event : MAPPER.readTree(jsonBody)) {
                String orderId = event.path("props").path("order").path("order_id").asText();
                orderIds.add(orderId);
                changes.add(orderId + "#" + event.path("props").path("change").asInt());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        SendResult result = script.apply(orderIds);
        if (result.isAccepted()) {
            orderIds.forEach(id -> stored.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet());
            acceptedChanges.addAll(changes);
        }
        return result;
    }

    /**
     * The events of accepted requests in the order Youshu received them, as {@code orderId#change}
     * ({@code props.change} of the event, 0 when it has none).
     */
    List<String> acceptedChanges() {
        synchronized (acceptedChanges) {
            return List.copyOf(acceptedChanges);
        }
    }

    int requests() {
        return requests.get();
    }

    /** How many distinct events Youshu stored. */
    int storedEvents() {
        return stored.size();
    }

    /** How often Youshu stored the event with this order id. */
    int timesStored(String orderId) {
        AtomicInteger count = stored.get(orderId);
        return count == null ? 0 : count.get();
    }

    /** The number of events stored more than once, counting each extra copy. */
    int duplicates() {
        return stored.values().stream().mapToInt(count -> count.get() - 1).sum();
    }
}
