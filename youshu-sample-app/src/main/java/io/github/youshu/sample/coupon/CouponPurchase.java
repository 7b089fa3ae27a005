package io.github.youshu.sample.coupon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A coupon bought by a buyer.
 *
 * @param orderId   the coupon order's number
 * @param openId    the buyer's open id
 * @param batchId   the coupon batch
 * @param couponIds the coupons issued
 * @param paid      what the buyer paid, in yuan
 * @param createdAt when the coupon order was placed
 */
public record CouponPurchase(String orderId, String openId, String batchId, List<String> couponIds, BigDecimal paid,
        Instant createdAt) {
}
