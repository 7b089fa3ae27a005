package io.github.youshu.sample.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order of the sample shop.
 *
 * @param id            the merchant's order number
 * @param openId        the buyer's mini-program open id
 * @param status        where the order is in its life
 * @param lines         what was bought
 * @param total         the goods' amount before discounts (Σ line amounts; no freight), yuan
 * @param couponId      the coupon used, or {@code null}
 * @param couponAmount  what the coupon took off, yuan (0 without one)
 * @param payable       what the buyer pays: {@code total - couponAmount}, yuan
 * @param transactionId the WeChat Pay transaction id once paid, else {@code null}
 * @param createdAt     when the order was placed
 * @param paidAt        when WeChat Pay confirmed the payment, or {@code null}
 * @param updatedAt     when the status last changed
 */
public record ShopOrder(String id, String openId, OrderState status, List<OrderLine> lines, BigDecimal total,
                        String couponId, BigDecimal couponAmount, BigDecimal payable, String transactionId,
                        Instant createdAt, Instant paidAt, Instant updatedAt) {

    public ShopOrder {
        lines = List.copyOf(lines);
    }

    /** The number of units over all lines. */
    public int quantity() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }
}
