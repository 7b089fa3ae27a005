package io.github.youshu.order;

import java.time.LocalDate;

/**
 * The merchant's own query for one day's order totals, sent by the starter as
 * {@code order/add_order_sum} (data-api.md §7) once a day for the previous day. Declare it as a bean
 * to turn the daily totals on ({@code youshu.orders.daily-totals.*}).
 *
 * <pre>{@code
 * @Bean
 * OrderDailyTotals orderDailyTotals(JdbcClient jdbc) {
 *     return day -> OrderSum.builder()
 *             .giveOrderAmountSum(...)   // Σ payment_amount of the orders created that day, cancelled ones included
 *             .giveOrderNumSum(...)      // how many orders were created that day
 *             .paymentAmountSum(...)     // Σ payment_amount of the orders paid that day, later refunds included
 *             .payedNumSum(...)          // how many orders were paid that day
 *             .build();
 * }
 * }</pre>
 *
 * <p>Called on the starter's scheduler thread inside the transaction that records the day as sent
 * (when there is a DataSource): an exception rolls the day back, so it is tried again at the next
 * run.
 */
@FunctionalInterface
public interface OrderDailyTotals {

    /**
     * @param day the local day ({@code youshu.zone}) whose orders to sum, from its midnight to the next
     * @return the four sums in yuan and counts; its {@code ref_date} is set to {@code day} by the starter
     */
    OrderSum totalsOf(LocalDate day);
}
