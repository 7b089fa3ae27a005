package io.github.youshu.order;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An {@code order_status} of the data-api, written as a string such as {@code "1150"}
 * (data-api.md §8). Exactly these eight codes are accepted. The behaviour event that usually goes
 * with a code ({@code custom_order}'s {@link io.github.youshu.event.OrderStatus}) is named on each
 * constant (inferred, §8).
 */
public enum OrderStatusCode {

    /** {@code 1110}: created, awaiting payment (with {@code give_order}; {@code pay} and {@code cancel_pay} leave it there). */
    CREATED("1110"),
    /** {@code 1130}: cancelled before payment (with {@code cancel_give_order}). */
    CANCELLED_BEFORE_PAYMENT("1130"),
    /** {@code 1140}: cancelled after payment, before shipment. */
    CANCELLED_AFTER_PAYMENT("1140"),
    /** {@code 1150}: paid, awaiting shipment (with {@code payed}). */
    PAID("1150"),
    /** {@code 1160}: shipped. */
    SHIPPED("1160"),
    /** {@code 1180}: completed / received. */
    COMPLETED("1180"),
    /** {@code 1280}: refund in progress (with {@code refund}). */
    REFUND_IN_PROGRESS("1280"),
    /** {@code 1290}: return and refund completed; the only status of a {@link ReturnOrder}. */
    RETURN_AND_REFUND_COMPLETED("1290");

    private static final OrderStatusCode[] VALUES = values();

    private final String code;

    OrderStatusCode(String code) {
        this.code = code;
    }

    /** The code as sent, e.g. {@code "1150"}. */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * The status with the given code.
     *
     * @throws IllegalArgumentException naming the allowed codes when there is none
     */
    public static OrderStatusCode fromCode(String code) {
        for (OrderStatusCode status : VALUES) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown data-api order_status '" + code + "'; allowed codes: "
                + Arrays.stream(VALUES).map(OrderStatusCode::code).collect(Collectors.joining(", ")));
    }
}
