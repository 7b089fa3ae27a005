/**
 * The backend order data of Youshu's {@code data-api} (data-api.md §2–§8): immutable items with
 * builders — {@link io.github.youshu.order.YoushuOrder} ({@code order/add_order}),
 * {@link io.github.youshu.order.OrderStatusUpdate} ({@code order/update}),
 * {@link io.github.youshu.order.ReturnOrder} ({@code return_order/add}) and
 * {@link io.github.youshu.order.OrderSum} ({@code order/add_order_sum}) — and their parts, written
 * in Youshu's wire format by {@link io.github.youshu.order.OrderJsonSerializer}.
 *
 * <p>Conventions (§3): money is {@link java.math.BigDecimal} yuan with at most 2 decimals; times
 * are {@link io.github.youshu.order.DataApiTime} values written as 13-digit epoch-millisecond
 * strings; absent optional fields are left out, never written as {@code null}; phone numbers are
 * kept and written only as their SHA-256 ({@link io.github.youshu.order.PhoneNumberHash}).
 */
package io.github.youshu.order;
