package io.github.youshu.order;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code is_deleted} flag of a {@link YoushuOrder}, written as an integer (data-api.md §4). */
public enum IsDeleted {

    /** {@code 0}: not deleted (the default when left out). */
    NOT_DELETED(0),
    /** {@code 1}: deleted. */
    DELETED(1);

    private final int code;

    IsDeleted(int code) {
        this.code = code;
    }

    /** The code as sent, a JSON integer. */
    @JsonValue
    public int code() {
        return code;
    }
}
