package io.github.youshu.order;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code promotion_type} of a {@link PromotionInfo}, written as an integer (data-api.md §4). */
public enum PromotionType {

    /** {@code 1}: a member price. */
    MEMBER_PRICE(1),
    /** {@code 2}: any other promotion. */
    OTHER(2);

    private final int code;

    PromotionType(int code) {
        this.code = code;
    }

    /** The code as sent, a JSON integer. */
    @JsonValue
    public int code() {
        return code;
    }
}
