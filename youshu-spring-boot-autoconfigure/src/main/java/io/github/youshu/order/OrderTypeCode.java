package io.github.youshu.order;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code order_type} of a {@link YoushuOrder}, written as an integer (data-api.md §4). */
public enum OrderTypeCode {

    /** {@code 1}: a normal order. */
    NORMAL(1),
    /** {@code 2}: a top-up. */
    TOP_UP(2),
    /** {@code 3}: a consumption, e.g. parking. */
    CONSUMPTION(3),
    /** {@code 4}: a pre-sale deposit. */
    PRESALE_DEPOSIT(4),
    /** {@code 5}: a pre-sale balance. */
    PRESALE_BALANCE(5),
    /** {@code 6}: a goods voucher. */
    GOODS_VOUCHER(6),
    /** {@code 7}: a points order. */
    POINTS(7),
    /** {@code 8}: a cash voucher. */
    CASH_VOUCHER(8);

    private final int code;

    OrderTypeCode(int code) {
        this.code = code;
    }

    /** The code as sent, a JSON integer. */
    @JsonValue
    public int code() {
        return code;
    }
}
