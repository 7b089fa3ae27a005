package io.github.youshu.order;

/**
 * A reporting endpoint of Youshu's {@code data-api} (data-api.md §2). Every path is relative to
 * {@code /data-api/v1/}; every body is the envelope {@code {"dataSourceId": "…", "orders": [ item, … ]}}
 * with at most 50 items of one endpoint.
 */
public enum DataApiEndpoint {

    /** {@code order/add_order}: add or update a full order ({@link YoushuOrder}), upsert by {@code external_order_id}. */
    ADD_ORDER("order/add_order"),
    /** {@code order/update}: an order's status change only ({@link OrderStatusUpdate}). */
    UPDATE_ORDER("order/update"),
    /** {@code return_order/add}: a completed return/refund ({@link ReturnOrder}). */
    ADD_RETURN_ORDER("return_order/add"),
    /** {@code order/add_order_sum}: the previous day's totals ({@link OrderSum}), due by 06:00 local time. */
    ADD_ORDER_SUM("order/add_order_sum");

    /** The key of the envelope's item list, the same for every reporting endpoint: {@value}. */
    public static final String LIST_KEY = "orders";

    private final String path;

    DataApiEndpoint(String path) {
        this.path = path;
    }

    /** The path below {@code /data-api/v1/}, e.g. {@code order/add_order}. */
    public String path() {
        return path;
    }

    /** The key of the envelope's item list: {@code orders}. */
    public String listKey() {
        return LIST_KEY;
    }

    /** The path, e.g. {@code order/add_order}. */
    @Override
    public String toString() {
        return path;
    }
}
