package io.github.youshu.event;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The optional {@code order_type} of a {@code custom_order} event. */
public enum OrderType {

    /** {@code normal}: an ordinary order. */
    NORMAL("normal"),
    /** {@code presale_deposit}: the deposit of a pre-sale order. */
    PRESALE_DEPOSIT("presale_deposit"),
    /** {@code presale_balance}: the balance of a pre-sale order. */
    PRESALE_BALANCE("presale_balance");

    private static final OrderType[] VALUES = values();

    private final String wireValue;

    OrderType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent to Youshu, e.g. {@code normal}. */
    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    /**
     * The order type with the given wire value.
     *
     * @throws IllegalArgumentException naming the allowed values when there is none
     */
    public static OrderType fromWireValue(String wireValue) {
        for (OrderType type : VALUES) {
            if (type.wireValue.equals(wireValue)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown order_type '" + wireValue + "'; allowed values: "
                + Arrays.stream(VALUES).map(OrderType::wireValue).collect(Collectors.joining(", ")));
    }
}
