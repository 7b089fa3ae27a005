package io.github.youshu.simulator;

import java.util.Optional;

/** The data-api endpoints of data-api.md §2, each under {@value #PREFIX}. */
enum DataApiEndpoint {

    /** {@code GET data_source/get?merchantId=..}: the merchant's data sources. */
    DATA_SOURCE_GET("data_source/get", "GET", null),
    /** {@code POST data_source/add} with {@code {"merchantId": ".."}}: creates the merchant's data source. */
    DATA_SOURCE_ADD("data_source/add", "POST", null),
    /** Adds or updates full orders (upsert by {@code external_order_id}). */
    ADD_ORDER("order/add_order", "POST", "orders"),
    /** Status changes of orders. */
    UPDATE_ORDER("order/update", "POST", "orders"),
    /** Completed return orders (upsert by {@code external_return_order_id}). */
    ADD_RETURN_ORDER("return_order/add", "POST", "orders"),
    /** A day's totals (upsert by {@code ref_date}). */
    ADD_ORDER_SUM("order/add_order_sum", "POST", "orders");

    /** Every data-api path starts with this. */
    static final String PREFIX = "/data-api/v1/";

    private final String name;
    private final String method;
    private final String listKey;

    DataApiEndpoint(String name, String method, String listKey) {
        this.name = name;
        this.method = method;
        this.listKey = listKey;
    }

    /** The endpoint serving {@code path}, if any. */
    static Optional<DataApiEndpoint> forPath(String path) {
        for (DataApiEndpoint endpoint : values()) {
            if (endpoint.path().equals(path)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }

    /** E.g. {@code order/add_order}. */
    String shortName() {
        return name;
    }

    /** E.g. {@code /data-api/v1/order/add_order}. */
    String path() {
        return PREFIX + name;
    }

    String method() {
        return method;
    }

    /** The envelope's item list key, or {@code null} for the data source calls. */
    String listKey() {
        return listKey;
    }

    boolean reportsItems() {
        return listKey != null;
    }
}
