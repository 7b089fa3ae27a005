package io.github.youshu.order;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes money as a plain JSON number with 2 decimals ({@code 8} and {@code 8.000} as {@code 8.00});
 * a value with more significant decimals is written as it is (validation refuses it: nothing is
 * rounded silently).
 */
final class MoneyJsonSerializer extends StdSerializer<BigDecimal> {

    private static final int SCALE = 2;

    MoneyJsonSerializer() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeNumber(scaled(value).toPlainString());
    }

    static BigDecimal scaled(BigDecimal value) {
        if (value.scale() == SCALE || value.stripTrailingZeros().scale() > SCALE) {
            return value;
        }
        return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
