package io.github.youshu.benchmarks.shop;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The order every benchmarked service method returns.
 *
 * @param id        the merchant's order id
 * @param createdAt when it was placed
 * @param total     the order amount in yuan
 * @param paid      the amount paid in yuan
 * @param openId    the buyer's WeChat open id
 */
public record ShopOrder(String id, Instant createdAt, BigDecimal total, BigDecimal paid, String openId) {
}
