package io.github.youshu.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the data-api received, as Youshu keeps it: orders by {@code external_order_id} (add_order upserts the
 * full order and records its status; order/update records a status) with their status history in arrival
 * order, return orders by {@code external_return_order_id}, daily totals by {@code ref_date}. Each map keeps at
 * most {@code maxOrders} entries (the first received dropped first); each history the latest
 * {@code maxHistory} changes. Items must have passed {@link DataApiValidator}.
 */
final class OrderStore {

    private final int maxOrders;
    private final int maxHistory;
    private final Map<String, OrderEntry> orders = new LinkedHashMap<>();
    private final Map<String, ReceivedItem> returnOrders = new LinkedHashMap<>();
    private final Map<String, ReceivedItem> dailyTotals = new LinkedHashMap<>();

    OrderStore(int maxOrders, int maxHistory) {
        this.maxOrders = maxOrders;
        this.maxHistory = maxHistory;
    }

    /** Stores one valid item of a reporting endpoint; {@code json} is its JSON text. */
    synchronized void store(DataApiEndpoint endpoint, JsonNode item, String json, String requestId,
            Instant receivedAt) {
        String id = DataApiValidator.itemId(endpoint, item);
        switch (endpoint) {
            case ADD_ORDER, UPDATE_ORDER -> {
                OrderEntry order = orders.get(id);
                if (order == null) {
                    makeRoom(orders);
                    order = new OrderEntry();
                    orders.put(id, order);
                }
                if (endpoint == DataApiEndpoint.ADD_ORDER) {
                    order.json = json;
                }
                order.record(item.get("order_status").asText(), Long.parseLong(item.get("status_change_time").asText()),
                        endpoint.shortName(), requestId, receivedAt, maxHistory);
            }
            case ADD_RETURN_ORDER -> upsert(returnOrders, new ReceivedItem(id, json, requestId, receivedAt));
            case ADD_ORDER_SUM -> upsert(dailyTotals, new ReceivedItem(id, json, requestId, receivedAt));
            default -> throw new IllegalArgumentException(endpoint + " carries no items");
        }
    }

    synchronized List<ReceivedOrder> orders() {
        return orders.entrySet().stream().map(e -> e.getValue().snapshot(e.getKey())).toList();
    }

    synchronized Optional<ReceivedOrder> order(String externalOrderId) {
        OrderEntry order = orders.get(externalOrderId);
        return order == null ? Optional.empty() : Optional.of(order.snapshot(externalOrderId));
    }

    synchronized List<ReceivedItem> returnOrders() {
        return List.copyOf(returnOrders.values());
    }

    synchronized List<ReceivedItem> dailyTotals() {
        return List.copyOf(dailyTotals.values());
    }

    synchronized void clear() {
        orders.clear();
        returnOrders.clear();
        dailyTotals.clear();
    }

    private void upsert(Map<String, ReceivedItem> items, ReceivedItem item) {
        if (!items.containsKey(item.id())) {
            makeRoom(items);
        }
        items.put(item.id(), item);
    }

    private void makeRoom(Map<String, ?> entries) {
        Iterator<String> eldest = entries.keySet().iterator();
        while (entries.size() >= maxOrders && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    /** One order: mutable, guarded by the store. */
    private static final class OrderEntry {
        private String json;
        private final ArrayDeque<OrderStatusChange> history = new ArrayDeque<>();

        void record(String status, long statusChangeTime, String endpoint, String requestId, Instant receivedAt,
                int maxHistory) {
            boolean outOfOrder = !history.isEmpty() && statusChangeTime < history.getLast().statusChangeTime();
            if (history.size() == maxHistory) {
                history.removeFirst();
            }
            history.addLast(new OrderStatusChange(status, statusChangeTime, endpoint, requestId, receivedAt,
                    outOfOrder));
        }

        ReceivedOrder snapshot(String id) {
            return new ReceivedOrder(id, json, List.copyOf(history));
        }
    }
}
