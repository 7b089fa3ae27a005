package io.github.youshu.order.readme.sync;

import java.math.BigDecimal;
import java.time.Instant;

/** A completed return and refund of a whole order. */
public record ShopRefund(String id, ShopOrder order, BigDecimal amount, Instant completedAt) {
}
