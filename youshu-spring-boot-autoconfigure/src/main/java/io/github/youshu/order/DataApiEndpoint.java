package io.github.youshu.order;

/**
 * A reporting endpoint of Youshu's {@code data-api} (data-api.md §2), the one list of them that
 * the model, the delivery routes and the transport share. Every path is relative to
 * {@value #PATH_PREFIX}; every body is the envelope {@code {"dataSourceId": "…", "orders": [ item, … ]}}
 * with at most 50 items of one endpoint.
 * <p>
 * The data source endpoints ({@code data_source/get}, {@code data_source/add}) take no items and
 * are not listed here.
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

    /** The prefix of every data-api path below the base URL: {@value}. */
    public static final String PATH_PREFIX = "/data-api/v1/";

    /** The key of the envelope's item list, the same for every reporting endpoint: {@value}. */
    public static final String LIST_KEY = "orders";

    private final String path;

    DataApiEndpoint(String path) {
        this.path = path;
    }

    /** The path below {@value #PATH_PREFIX}, as §2 names it, e.g. {@code order/add_order}. */
    public String path() {
        return path;
    }

    /** The path below the base URL, e.g. {@code /data-api/v1/order/add_order}. */
    public String urlPath() {
        return PATH_PREFIX + path;
    }

    /** The key of the envelope's item list: {@code orders}. */
    public String listKey() {
        return LIST_KEY;
    }

    /**
     * The endpoint of a path.
     *
     * @param path a path as §2 names it ({@code order/add_order}), with or without the
     *             {@value #PATH_PREFIX} prefix
     * @throws IllegalArgumentException naming the path and the known ones when it is none of them
     */
    public static DataApiEndpoint ofPath(String path) {
        String bare = path != null && path.startsWith(PATH_PREFIX) ? path.substring(PATH_PREFIX.length()) : path;
        for (DataApiEndpoint endpoint : values()) {
            if (endpoint.path.equals(bare)) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException("Unknown data-api path '" + path + "': expected one of "
                + "order/add_order, order/update, return_order/add, order/add_order_sum");
    }

    /** The path, e.g. {@code order/add_order}. */
    @Override
    public String toString() {
        return path;
    }
}
