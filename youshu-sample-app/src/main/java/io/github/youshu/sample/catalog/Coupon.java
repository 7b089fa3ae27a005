package io.github.youshu.sample.catalog;

import java.math.BigDecimal;

/**
 * A merchant coupon a buyer can use on an order (a row of {@code shop_coupon}).
 *
 * @param couponId  the coupon's id, e.g. {@code CPN-10-OFF}
 * @param batchId   the batch (stock) it was issued from
 * @param name      what the buyer sees
 * @param amount    the yuan it takes off the order
 */
public record Coupon(String couponId, String batchId, String name, BigDecimal amount) {
}
