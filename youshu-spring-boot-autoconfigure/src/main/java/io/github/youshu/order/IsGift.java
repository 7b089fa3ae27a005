package io.github.youshu.order;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code is_gift} flag of a goods line, written as an integer (data-api.md §5). */
public enum IsGift {

    /** {@code 0}: not a gift (the default when left out). */
    NOT_GIFT(0),
    /** {@code 1}: a gift. */
    GIFT(1);

    private final int code;

    IsGift(int code) {
        this.code = code;
    }

    /** The code as sent, a JSON integer. */
    @JsonValue
    public int code() {
        return code;
    }
}
