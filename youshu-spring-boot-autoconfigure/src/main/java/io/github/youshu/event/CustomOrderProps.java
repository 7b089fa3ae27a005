package io.github.youshu.event;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The props of a {@code custom_order} event: the order, its sub-orders and the common props.
 *
 * <pre>{@code
 * CustomOrderProps props = CustomOrderProps.builder()
 *         .order("o-1001", placedAt, OrderStatus.PAYED)
 *         .subOrder("o-1001", new BigDecimal("30.30"), new BigDecimal("30.30"))
 *         .common(CommonProps.builder().page("pages/pay/index").time(Instant.now()).build())
 *         .build();
 * }</pre>
 *
 * @param order     {@code order}; required
 * @param subOrders {@code sub_orders}: at least one entry; unmodifiable, never {@code null}
 * @param common    the common props, written beside {@code order}; never {@code null}
 */
public record CustomOrderProps(CustomOrder order, List<SubOrder> subOrders, @JsonUnwrapped CommonProps common)
        implements EventProps {

    /** Copies {@code subOrders}; {@code null} lists and common props become empty ones. */
    public CustomOrderProps {
        subOrders = ModelSupport.copyOrEmpty(subOrders, "sub_orders");
        common = common == null ? CommonProps.EMPTY : common;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these props. */
    public Builder toBuilder() {
        return new Builder().order(order).subOrders(subOrders).common(common);
    }

    /** The {@code order_id} of the order, or {@code null} when there is no order. */
    @Override
    public String orderId() {
        return order == null ? null : order.orderId();
    }

    @Override
    public CustomOrderProps withCommon(CommonProps common) {
        return new CustomOrderProps(order, subOrders, common);
    }

    /** Builds {@link CustomOrderProps}. */
    public static final class Builder {
        private CustomOrder order;
        private final List<SubOrder> subOrders = new ArrayList<>();
        private BigDecimal wholeOrderAmt;
        private BigDecimal wholeOrderPayAmt;
        private boolean wholeOrder;
        private CommonProps common;

        private Builder() {
        }

        public Builder order(CustomOrder order) {
            this.order = order;
            return this;
        }

        /** An order with the required fields and no order type. */
        public Builder order(String orderId, Instant orderTime, OrderStatus orderStatus) {
            return order(CustomOrder.of(orderId, orderTime, orderStatus));
        }

        /** Adds a sub-order. */
        public Builder subOrder(String subOrderId, BigDecimal orderAmt, BigDecimal payAmt) {
            return subOrder(new SubOrder(subOrderId, orderAmt, payAmt));
        }

        /** Adds a sub-order. */
        public Builder subOrder(SubOrder subOrder) {
            subOrders.add(subOrder);
            return this;
        }

        /** Replaces the sub-orders. */
        public Builder subOrders(List<SubOrder> subOrders) {
            this.subOrders.clear();
            if (subOrders != null) {
                this.subOrders.addAll(subOrders);
            }
            return this;
        }

        /**
         * For an order without sub-orders: adds, at {@link #build}, the single sub-order that
         * repeats the order ({@code sub_order_id} = the order's {@code order_id}).
         */
        public Builder wholeOrderAsSubOrder(BigDecimal orderAmt, BigDecimal payAmt) {
            this.wholeOrder = true;
            this.wholeOrderAmt = orderAmt;
            this.wholeOrderPayAmt = payAmt;
            return this;
        }

        public Builder common(CommonProps common) {
            this.common = common;
            return this;
        }

        public CustomOrderProps build() {
            List<SubOrder> all = subOrders;
            if (wholeOrder) {
                all = new ArrayList<>(subOrders);
                all.add(new SubOrder(order == null ? null : order.orderId(), wholeOrderAmt, wholeOrderPayAmt));
            }
            return new CustomOrderProps(order, all, common);
        }
    }
}
