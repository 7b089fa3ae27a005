package io.github.youshu.sample.catalog;

import java.math.BigDecimal;

/**
 * A product variant the shop sells (a row of {@code product_sku}).
 *
 * @param skuId   the SKU's id, e.g. {@code SKU-TEE-WHITE-M}
 * @param spuId   the product it belongs to, e.g. {@code SPU-TEE}
 * @param spuName the product's name, e.g. {@code 纯棉T恤}
 * @param name    what the buyer sees, e.g. {@code 纯棉T恤 白色 M}
 * @param price   the unit price in yuan
 */
public record Sku(String skuId, String spuId, String spuName, String name, BigDecimal price) {
}
