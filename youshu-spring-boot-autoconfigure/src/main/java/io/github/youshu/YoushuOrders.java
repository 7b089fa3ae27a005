package io.github.youshu;

import io.github.youshu.order.OrderStatusUpdate;
import io.github.youshu.order.OrderSum;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.YoushuOrder;

/**
 * Sends backend order data to Youshu's data-api ({@code data-api.md}) from code, beside
 * {@link YoushuReporter} for behaviour events. Each item is validated on the calling thread
 * ({@code data-api.md} §4–§7, the §6 sums as warnings unless {@code youshu.orders.strict-amounts})
 * and delivered asynchronously through the same delivery as behaviour events (the memory queue, or
 * the outbox inside the caller's transaction), in the order the changes of one order were made
 * (§9). Items wait while the data source id is not known yet (§2).
 *
 * <p>Failure modes are those of {@link YoushuReporter}: an invalid item is counted and logged with
 * its order id and JSON path ({@code youshu.failure-mode=log}, the default), or thrown.
 */
public interface YoushuOrders {

    /**
     * Adds or updates a whole order: {@code order/add_order}, an upsert by {@code external_order_id} (§2, §4).
     *
     * @return {@code true} when accepted for delivery; {@code false} when invalid or refused (log mode)
     * @throws YoushuReportException when the order is invalid and {@code youshu.failure-mode=throw}
     */
    boolean addOrder(YoushuOrder order);

    /**
     * Changes an order's status only: {@code order/update} (§7, codes of §8).
     *
     * @return {@code true} when accepted for delivery; {@code false} when invalid or refused (log mode)
     * @throws YoushuReportException when the change is invalid and {@code youshu.failure-mode=throw}
     */
    boolean updateStatus(OrderStatusUpdate update);

    /**
     * Adds a completed return and refund: {@code return_order/add} (§7).
     *
     * @return {@code true} when accepted for delivery; {@code false} when invalid or refused (log mode)
     * @throws YoushuReportException when the return order is invalid and {@code youshu.failure-mode=throw}
     */
    boolean addReturnOrder(ReturnOrder returnOrder);

    /**
     * Adds one day's totals: {@code order/add_order_sum} (§7), due by 06:00 local time the next day.
     *
     * @return {@code true} when accepted for delivery; {@code false} when invalid or refused (log mode)
     * @throws YoushuReportException when the totals are invalid and {@code youshu.failure-mode=throw}
     */
    boolean addOrderSum(OrderSum orderSum);
}
