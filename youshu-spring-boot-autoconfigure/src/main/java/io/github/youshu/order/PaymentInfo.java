package io.github.youshu.order;

import java.math.BigDecimal;

/**
 * One payment of an order, {@code payment_info[]} (data-api.md §4). An order's payments are
 * required unless its status is {@code 1110}; their {@code trans_amount}s should add up to its
 * {@code payment_amount} (§6, a warning unless configured as an error).
 *
 * @param paymentType {@code payment_type}: an open set of codes, e.g. {@link #WECHAT_PAY}; required (inferred)
 * @param transId     {@code trans_id}: the payment's transaction id, e.g. WeChat Pay's; optional
 * @param transAmount {@code trans_amount}: yuan paid in this payment; required (inferred)
 */
public record PaymentInfo(String paymentType, String transId, @Money BigDecimal transAmount) {

    /** {@code payment_type} of WeChat Pay: {@value}. */
    public static final String WECHAT_PAY = "00009";
    /** {@code payment_type} of Alipay: {@value}. */
    public static final String ALIPAY = "00010";
    /** {@code payment_type} of any other payment: {@value}. */
    public static final String OTHER = "99999";

    /** A payment, e.g. {@code PaymentInfo.of(PaymentInfo.WECHAT_PAY, "4200000000000001", new BigDecimal("145.90"))}. */
    public static PaymentInfo of(String paymentType, String transId, BigDecimal transAmount) {
        return new PaymentInfo(paymentType, transId, transAmount);
    }
}
