package io.github.youshu.benchmarks.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed set of {@value #SIZE} orders, looked up by id: the "database" of every benchmarked
 * service, so that all variants do the same work besides what is measured.
 */
public final class OrderBook {

    /** How many orders the book holds; a power of two so that callers can cycle with a mask. */
    public static final int SIZE = 1024;

    private final String[] ids = new String[SIZE];
    private final Map<String, ShopOrder> orders = new ConcurrentHashMap<>();

    public OrderBook() {
        Instant base = Instant.parse("2026-11-01T08:00:00Z");
        for (int i = 0; i < SIZE; i++) {
            String id = "ORD" + (100000 + i);
            ids[i] = id;
            BigDecimal total = BigDecimal.valueOf(1999 + i, 2);
            orders.put(id, new ShopOrder(id, base.plusSeconds(i), total, total.subtract(BigDecimal.ONE),
                    "oBench" + Integer.toHexString(0x10000 + i)));
        }
    }

    /** The id of the order at {@code index & (SIZE - 1)}. */
    public String idAt(int index) {
        return ids[index & (SIZE - 1)];
    }

    /** @throws IllegalArgumentException for an unknown id */
    public ShopOrder find(String id) {
        ShopOrder order = orders.get(id);
        if (order == null) {
            throw new IllegalArgumentException("no order " + id);
        }
        return order;
    }
}
