package io.github.youshu.benchmarks.checkout;

import java.math.BigDecimal;

/**
 * The application event the Spring Modulith variant publishes: the same six values the starter's
 * annotation reports, and the status.
 *
 * @param orderId     the order id
 * @param orderTime   when the order was placed, epoch ms
 * @param orderAmount the order amount, yuan
 * @param payAmount   the amount paid, yuan
 * @param openId      the buyer's open id
 * @param page        the mini-program page
 * @param status      the order status, {@code payed}
 */
public record OrderPaid(String orderId, long orderTime, BigDecimal orderAmount, BigDecimal payAmount, String openId,
        String page, String status) {
}
