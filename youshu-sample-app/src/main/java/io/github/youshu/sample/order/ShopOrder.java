package io.github.youshu.sample.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order of the sample shop.
 *
 * @param id        the merchant's order number
 * @param openId    the buyer's mini-program open id
 * @param status    where the order is in its life
 * @param total     the order amount in yuan
 * @param payable   what the buyer pays after discounts, in yuan
 * @param createdAt when the order was placed
 */
public record ShopOrder(String id, String openId, OrderState status, BigDecimal total, BigDecimal payable, Instant createdAt) {

    public ShopOrder withStatus(OrderState newStatus) {
        return new ShopOrder(id, openId, newStatus, total, payable, createdAt);
    }
}
