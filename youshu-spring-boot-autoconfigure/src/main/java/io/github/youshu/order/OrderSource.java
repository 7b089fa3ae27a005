package io.github.youshu.order;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code order_source} of a {@link YoushuOrder}: where the order was placed (data-api.md §4). */
public enum OrderSource {

    /** {@code wxapp}: a WeChat mini program; {@code user_info.open_id} is then required. */
    WXAPP("wxapp"),
    /** {@code app}: a mobile app. */
    APP("app"),
    /** {@code mobileweb}: a mobile web site. */
    MOBILEWEB("mobileweb"),
    /** {@code pcweb}: a PC web site. */
    PCWEB("pcweb"),
    /** {@code offstore_pos_manual}: a staffed point of sale in a store. */
    OFFSTORE_POS_MANUAL("offstore_pos_manual"),
    /** {@code offstore_pos_self_help}: a self-service point of sale in a store. */
    OFFSTORE_POS_SELF_HELP("offstore_pos_self_help"),
    /** {@code other}. */
    OTHER("other");

    private final String code;

    OrderSource(String code) {
        this.code = code;
    }

    /** The code as sent, e.g. {@code wxapp}. */
    @JsonValue
    public String code() {
        return code;
    }
}
