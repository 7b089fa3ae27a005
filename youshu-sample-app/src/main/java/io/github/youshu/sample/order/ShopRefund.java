package io.github.youshu.sample.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A completed return: the goods came back and the money went back to the buyer.
 *
 * @param id          the refund's number
 * @param order       the returned order (all of it)
 * @param amount      the yuan refunded
 * @param completedAt when the refund was made
 */
public record ShopRefund(String id, ShopOrder order, BigDecimal amount, Instant completedAt) {

    /** The returned order's number. */
    public String orderId() {
        return order.id();
    }
}
