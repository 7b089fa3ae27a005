package io.github.youshu.order;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code commission_type} of a {@link CommissionInfo}, written as an integer (data-api.md §5). */
public enum CommissionType {

    /** {@code 1}: a percentage. */
    PERCENTAGE(1),
    /** {@code 2}: a fixed fee. */
    FIXED(2);

    private final int code;

    CommissionType(int code) {
        this.code = code;
    }

    /** The code as sent, a JSON integer. */
    @JsonValue
    public int code() {
        return code;
    }
}
