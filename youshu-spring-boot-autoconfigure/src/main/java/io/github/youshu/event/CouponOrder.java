package io.github.youshu.event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The order of a {@code coupon_order} event, sent under {@code props.coupon}.
 *
 * @param orderId       {@code order_id}: the merchant's order id; required
 * @param orderTime     {@code order_time}: when the order was placed, epoch milliseconds (13 digits); required
 * @param orderStatus   {@code order_status}; required
 * @param couponBatchId {@code coupon_batch_id}: the coupon batch's id; required
 * @param payAmt        {@code pay_amt}: the amount to pay in yuan, at most 2 decimals, {@code >= 0}; required
 */
public record CouponOrder(String orderId, Long orderTime, OrderStatus orderStatus, String couponBatchId,
                          BigDecimal payAmt) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this order's values. */
    public Builder toBuilder() {
        return new Builder().orderId(orderId).orderTime(orderTime).orderStatus(orderStatus)
                .couponBatchId(couponBatchId).payAmt(payAmt);
    }

    /** Builds a {@link CouponOrder}. */
    public static final class Builder {
        private String orderId;
        private Long orderTime;
        private OrderStatus orderStatus;
        private String couponBatchId;
        private BigDecimal payAmt;

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

        public Builder couponBatchId(String couponBatchId) {
            this.couponBatchId = couponBatchId;
            return this;
        }

        public Builder payAmt(BigDecimal payAmt) {
            this.payAmt = payAmt;
            return this;
        }

        public CouponOrder build() {
            return new CouponOrder(orderId, orderTime, orderStatus, couponBatchId, payAmt);
        }
    }
}
