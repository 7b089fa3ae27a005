package io.github.youshu.benchmarks.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed set of orders ({@value #SIZE} unless told otherwise), looked up by id: the "database" of
 * every benchmarked service, so that all variants do the same work besides what is measured.
 */
public final class OrderBook {

    /** How many orders the book holds; a power of two so that callers can cycle with a mask. */
    public static final int SIZE = 1024;

    private final String[] ids;
    private final Map<String, ShopOrder> orders = new ConcurrentHashMap<>();

    public OrderBook() {
        this(SIZE);
    }

    /** @param size how many orders, a power of two */
    public OrderBook(int size) {
        if (size <= 0 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("the order book's size must be a power of two, was " + size);
        }
        ids = new String[size];
        Instant base = Instant.parse("2026-11-01T08:00:00Z");
        for (int i = 0; i < size; i++) {
            String id = "ORD" + (100000 + i);
            ids[i] = id;
            BigDecimal total = BigDecimal.valueOf(1999 + i, 2);
            orders.put(id, new ShopOrder(id, base.plusSeconds(i), total, total.subtract(BigDecimal.ONE),
                    "oBench" + Integer.toHexString(0x10000 + i)));
        }
    }

    /** The id of the order at {@code index} modulo the book's size. */
    public String idAt(int index) {
        return ids[index & (ids.length - 1)];
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
