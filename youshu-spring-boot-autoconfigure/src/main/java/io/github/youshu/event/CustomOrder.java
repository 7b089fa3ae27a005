package io.github.youshu.event;

import java.time.Instant;

/**
 * The order of a {@code custom_order} event ({@code props.order}).
 *
 * @param orderId     {@code order_id}: the merchant's order id; required
 * @param orderTime   {@code order_time}: when the order was placed, epoch milliseconds (13 digits);
 *                    required for every status
 * @param orderStatus {@code order_status}: the user's action on the order; required
 * @param orderType   {@code order_type}; optional
 */
public record CustomOrder(String orderId, Long orderTime, OrderStatus orderStatus, OrderType orderType) {

    /** An order with the required fields and no order type. */
    public static CustomOrder of(String orderId, Instant orderTime, OrderStatus orderStatus) {
        return new CustomOrder(orderId, ModelSupport.epochMillis(orderTime), orderStatus, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this order's values. */
    public Builder toBuilder() {
        return new Builder().orderId(orderId).orderTime(orderTime).orderStatus(orderStatus).orderType(orderType);
    }

    /** Builds a {@link CustomOrder}. */
    public static final class Builder {
        private String orderId;
        private Long orderTime;
        private OrderStatus orderStatus;
        private OrderType orderType;

        private Builder() {
        }

        public Builder orderId(String orderId) {
            this.orderId = orderId;
            return this;
        }

        public Builder orderTime(Instant orderTime) {
            this.orderTime = ModelSupport.epochMillis(orderTime);
            return this;
        }

        /** The order time in epoch milliseconds. */
        public Builder orderTime(Long epochMillis) {
            this.orderTime = epochMillis;
            return this;
        }

        public Builder orderStatus(OrderStatus orderStatus) {
            this.orderStatus = orderStatus;
            return this;
        }

        public Builder orderType(OrderType orderType) {
            this.orderType = orderType;
            return this;
        }

        public CustomOrder build() {
            return new CustomOrder(orderId, orderTime, orderStatus, orderType);
        }
    }
}
