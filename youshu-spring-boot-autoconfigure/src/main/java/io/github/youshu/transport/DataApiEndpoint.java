package io.github.youshu.transport;

/**
 * The data-api endpoints that receive items (data-api.md §2): each is a route of its own, with
 * its path below {@code /data-api/v1/} and the key of the item list in its envelope
 * {@code {"dataSourceId": "…", "<list key>": [item, …]}}. A request carries items of one endpoint only.
 * <p>
 * The data source endpoints ({@code data_source/get}, {@code data_source/add}) take no items and
 * are called through {@link DataApiTransport#getDataSources(String)} and
 * {@link DataApiTransport#addDataSource(String)}.
 */
public enum DataApiEndpoint {

    /** {@code POST order/add_order}: adds or updates a full order (upsert by {@code external_order_id}), §4. */
    ADD_ORDER("order/add_order", "orders"),

    /** {@code POST order/update}: an order's status change only, §7. */
    UPDATE_ORDER("order/update", "orders"),

    /** {@code POST return_order/add}: a completed return/refund, §7. */
    ADD_RETURN_ORDER("return_order/add", "orders"),

    /** {@code POST order/add_order_sum}: the previous day's totals, §7. */
    ADD_ORDER_SUM("order/add_order_sum", "orders");

    /** The prefix of every data-api path. */
    public static final String PATH_PREFIX = "/data-api/v1/";

    private final String route;
    private final String listKey;

    DataApiEndpoint(String route, String listKey) {
        this.route = route;
        this.listKey = listKey;
    }

    /** The route as §2 names it, e.g. {@code order/add_order}. */
    public String route() {
        return route;
    }

    /** The path below the base URL, e.g. {@code /data-api/v1/order/add_order}. */
    public String path() {
        return PATH_PREFIX + route;
    }

    /** The envelope key of the item list, {@code orders} for every endpoint of §2. */
    public String listKey() {
        return listKey;
    }

    /**
     * The endpoint of a route.
     *
     * @param route a route as §2 names it ({@code order/add_order}), with or without the {@code /data-api/v1/} prefix
     * @throws IllegalArgumentException naming the route and the known ones when it is none of them
     */
    public static DataApiEndpoint ofRoute(String route) {
        String bare = route != null && route.startsWith(PATH_PREFIX) ? route.substring(PATH_PREFIX.length()) : route;
        for (DataApiEndpoint endpoint : values()) {
            if (endpoint.route.equals(bare)) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException("Unknown data-api route '" + route + "': expected one of "
                + "order/add_order, order/update, return_order/add, order/add_order_sum");
    }
}
