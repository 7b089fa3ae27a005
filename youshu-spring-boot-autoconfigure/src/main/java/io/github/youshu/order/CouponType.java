package io.github.youshu.order;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code coupon_type} of a {@link CouponInfo}, written as an integer (data-api.md §4). */
public enum CouponType {

    /** {@code 1}: a merchant coupon. */
    MERCHANT(1),
    /** {@code 2}: a WeChat Pay coupon. */
    WECHAT_PAY(2);

    private final int code;

    CouponType(int code) {
        this.code = code;
    }

    /** The code as sent, a JSON integer. */
    @JsonValue
    public int code() {
        return code;
    }
}
