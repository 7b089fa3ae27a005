package io.github.youshu.sample.order;

import java.math.BigDecimal;

/**
 * One line of an order: a SKU and how many.
 *
 * @param lineNo        the line's number in its order, from 1
 * @param skuId         the SKU bought
 * @param spuId         the product the SKU belongs to
 * @param spuName       the product's name
 * @param skuName       the SKU's name
 * @param quantity      units, at least 1
 * @param unitPrice     the unit price before discounts, yuan
 * @param paymentAmount what the buyer pays for the whole line after its share of the coupon, yuan
 */
public record OrderLine(int lineNo, String skuId, String spuId, String spuName, String skuName, int quantity,
                        BigDecimal unitPrice, BigDecimal paymentAmount) {

    /** The line's amount before discounts: unit price × quantity, yuan. */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
