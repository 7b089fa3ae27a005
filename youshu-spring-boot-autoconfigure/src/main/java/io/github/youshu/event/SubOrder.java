package io.github.youshu.event;

import java.math.BigDecimal;

/**
 * One entry of {@code props.sub_orders} of a {@code custom_order} event. An order without
 * sub-orders sends one entry that repeats the order ({@code sub_order_id = order_id}).
 *
 * @param subOrderId {@code sub_order_id}; required
 * @param orderAmt   {@code order_amt}: the order amount in yuan, at most 2 decimals, {@code >= 0}; required
 * @param payAmt     {@code pay_amt}: the amount to pay in yuan, at most 2 decimals, {@code >= 0}; required
 */
public record SubOrder(String subOrderId, BigDecimal orderAmt, BigDecimal payAmt) {
}
