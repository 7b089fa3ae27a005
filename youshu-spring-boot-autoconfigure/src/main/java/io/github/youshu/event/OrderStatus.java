package io.github.youshu.event;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The {@code order_status} of a {@code custom_order} or {@code coupon_order} event: the user's
 * action on the order that the event reports.
 */
public enum OrderStatus {

    /** {@code give_order}: the user submitted the order. */
    GIVE_ORDER("give_order"),
    /** {@code cancel_pay}: the user closed the payment password overlay. */
    CANCEL_PAY("cancel_pay"),
    /** {@code cancel_give_order}: the user cancelled the order. */
    CANCEL_GIVE_ORDER("cancel_give_order"),
    /** {@code pay}: the user started paying. */
    PAY("pay"),
    /** {@code payed}: the user completed the payment (counts in Youshu's real-time order statistics). */
    PAYED("payed"),
    /** {@code refund}: the user asked for a return or refund. */
    REFUND("refund");

    private static final OrderStatus[] VALUES = values();

    private final String wireValue;

    OrderStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent to Youshu, e.g. {@code payed}. */
    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    /**
     * The status with the given wire value.
     *
     * @throws IllegalArgumentException naming the allowed values when there is none
     */
    public static OrderStatus fromWireValue(String wireValue) {
        for (OrderStatus status : VALUES) {
            if (status.wireValue.equals(wireValue)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown order_status '" + wireValue + "'; allowed values: "
                + Arrays.stream(VALUES).map(OrderStatus::wireValue).collect(Collectors.joining(", ")));
    }
}
