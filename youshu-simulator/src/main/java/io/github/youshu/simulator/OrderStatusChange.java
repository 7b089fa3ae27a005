package io.github.youshu.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One status an order was reported in, by {@code order/add_order} or {@code order/update}, in arrival order.
 *
 * @param orderStatus      the {@code order_status} code, e.g. {@code "1150"} (data-api.md §8)
 * @param statusChangeTime its {@code status_change_time}, epoch milliseconds
 * @param endpoint         {@code order/add_order} or {@code order/update}
 * @param requestId        the simulator's id of the request that carried it
 * @param receivedAt       when that request arrived (simulator clock)
 * @param outOfOrder       whether its {@code status_change_time} is earlier than that of the change received
 *                         before it: an older change overtook a newer one (data-api.md §9)
 */
public record OrderStatusChange(
        String orderStatus,
        long statusChangeTime,
        String endpoint,
        String requestId,
        Instant receivedAt,
        boolean outOfOrder) {

    /** Checks the non-null components. */
    public OrderStatusChange {
        Objects.requireNonNull(orderStatus, "orderStatus");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
