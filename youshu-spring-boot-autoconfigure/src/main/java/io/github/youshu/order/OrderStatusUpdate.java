package io.github.youshu.order;

import java.time.temporal.Temporal;

/**
 * An order's status change, the item of {@code order/update} (data-api.md §7). Every field is required.
 *
 * <pre>{@code
 * OrderStatusUpdate shipped = OrderStatusUpdate.of("ORD-0001", OrderStatusCode.SHIPPED, Instant.now());
 * }</pre>
 *
 * @param externalOrderId  {@code external_order_id}: the merchant's order number
 * @param orderStatus      {@code order_status}: the new status
 * @param statusChangeTime {@code status_change_time}: when the order entered it
 */
public record OrderStatusUpdate(String externalOrderId, OrderStatusCode orderStatus, DataApiTime statusChangeTime)
        implements DataApiItem {

    /**
     * A status change at the given time: see {@link DataApiTime#of(Temporal)}.
     *
     * @throws NullPointerException when {@code statusChangeTime} is {@code null}
     */
    public static OrderStatusUpdate of(String externalOrderId, OrderStatusCode orderStatus, Temporal statusChangeTime) {
        return new OrderStatusUpdate(externalOrderId, orderStatus, DataApiTime.of(statusChangeTime));
    }

    /** A status change at the given epoch milliseconds. */
    public static OrderStatusUpdate of(String externalOrderId, OrderStatusCode orderStatus, long statusChangeTime) {
        return new OrderStatusUpdate(externalOrderId, orderStatus, DataApiTime.ofEpochMilli(statusChangeTime));
    }

    /** {@link DataApiEndpoint#UPDATE_ORDER}. */
    @Override
    public DataApiEndpoint endpoint() {
        return DataApiEndpoint.UPDATE_ORDER;
    }

    /** {@code external_order_id}. */
    @Override
    public String orderId() {
        return externalOrderId;
    }
}
