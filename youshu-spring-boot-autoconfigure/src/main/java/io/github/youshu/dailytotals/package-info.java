/**
 * Daily totals ({@code order/add_order_sum}, data-api.md §7): the previous day's order sums, taken from the
 * merchant's {@link io.github.youshu.order.OrderDailyTotals} bean and sent once a day, exactly once across the
 * instances that share a database ({@link io.github.youshu.dailytotals.JdbcSentDays}), with missed days caught up.
 * Internal infrastructure of the starter, wired by its auto-configuration.
 */
package io.github.youshu.dailytotals;
