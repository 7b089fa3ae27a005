package io.github.youshu.order.readme.sync;

import java.math.BigDecimal;
import java.time.Instant;

/** The shop's own order (one line), as the README's order sync example assumes. */
public record ShopOrder(String id, Instant createdAt, String openId, String sku, String skuName, int quantity,
                        BigDecimal unitPrice, String transactionId, Instant paidAt) {

    ShopOrder paid(String transactionId, Instant paidAt) {
        return new ShopOrder(id, createdAt, openId, sku, skuName, quantity, unitPrice, transactionId, paidAt);
    }
}
