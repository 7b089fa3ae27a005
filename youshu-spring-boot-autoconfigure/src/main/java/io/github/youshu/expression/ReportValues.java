package io.github.youshu.expression;

import io.github.youshu.event.OrderStatus;
import io.github.youshu.validation.PropValues;
import org.springframework.util.ClassUtils;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * Converts the values that expressions give into the types of the event model. Each method throws
 * {@link IllegalArgumentException} with a message naming the value's type when it cannot convert.
 */
final class ReportValues {

    private ReportValues() {
    }

    /** A text value: strings, numbers and other scalars as their text; {@code null} stays {@code null}. */
    static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Iterable<?> || value instanceof java.util.Map<?, ?> || value.getClass().isArray()) {
            throw new IllegalArgumentException("expected a text value but got " + typeName(value));
        }
        return value.toString();
    }

    /**
     * Epoch milliseconds of a time: a number (already epoch milliseconds) or a date-time of
     * {@link PropValues#epochMillis} ({@link Instant}, {@link Date}, {@link OffsetDateTime},
     * {@link ZonedDateTime}, {@code Calendar}; {@link LocalDateTime} in {@code zone}).
     */
    static Long epochMillis(Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long millis) {
            return millis;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            return integral(number, "an epoch-millisecond time").longValue();
        }
        Long millis = PropValues.epochMillis(value, zone);
        if (millis != null) {
            return millis;
        }
        throw new IllegalArgumentException("expected a time (epoch milliseconds, Instant, Date, OffsetDateTime, "
                + "ZonedDateTime or LocalDateTime) but got " + typeName(value));
    }

    /** An amount in yuan: a number or a numeric string, kept exact (never through {@code double} arithmetic). */
    static BigDecimal amount(Object value) {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Number || value instanceof CharSequence) {
            // Double/Float via their shortest text: 30.3d is 30.3, not 30.29999999999999893...
            try {
                return new BigDecimal(value.toString().trim());
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException("expected an amount but got " + typeName(value) + " '" + value + "'");
            }
        }
        throw new IllegalArgumentException("expected an amount (a number) but got " + typeName(value));
    }

    /** A mini-program scene value: an integral number or a string of digits. */
    static Integer scene(Object value) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof Number number) {
            return integral(number, "a scene value").intValueExact();
        }
        if (value instanceof CharSequence text) {
            try {
                return Integer.valueOf(text.toString().trim());
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException("expected a scene value (a number) but got '" + text + "'");
            }
        }
        throw new IllegalArgumentException("expected a scene value (a number) but got " + typeName(value));
    }

    /** An order status: an {@link OrderStatus} or its wire value. */
    static OrderStatus orderStatus(Object value) {
        if (value == null || value instanceof OrderStatus) {
            return (OrderStatus) value;
        }
        if (value instanceof CharSequence text) {
            try {
                return OrderStatus.fromWireValue(text.toString());
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(ex.getMessage() + ReportOperationParser.didYouMeanStatus(text.toString()), ex);
            }
        }
        throw new IllegalArgumentException("expected an order_status (a wire value such as 'payed', or an OrderStatus) but got "
                + typeName(value));
    }

    /**
     * Why a value of the declared type can never be converted for the attribute (checked at startup),
     * e.g. {@code "not a time: ..."}; {@code null} when it can, or may (a supertype of an accepted type,
     * such as {@code Object} or {@code Temporal}). Mirrors the conversions above.
     */
    static String neverConverts(ReportAttribute attribute, Class<?> declared) {
        Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(declared);
        switch (attribute) {
            case ORDER_TIME:
            case STATUS_CHANGE_TIME:
                return related(type, Number.class, Instant.class, Date.class, OffsetDateTime.class, ZonedDateTime.class,
                        LocalDateTime.class) ? null : "not a time: give epoch milliseconds, an Instant, Date, "
                        + "OffsetDateTime, ZonedDateTime or LocalDateTime";
            case ORDER_AMOUNT:
            case PAY_AMOUNT:
                return related(type, Number.class, CharSequence.class) ? null
                        : "not an amount: give a number (BigDecimal) or a numeric string, in yuan";
            case SCENE:
                return related(type, Number.class, CharSequence.class) ? null
                        : "not a scene value: give a number or a string of digits";
            case CONDITION:
                return related(type, Boolean.class) ? null : "not true or false: give a boolean expression";
            case STATUS_EXPRESSION:
                return related(type, OrderStatus.class, CharSequence.class) ? null
                        : "not an order_status: give a wire value such as 'payed' or an OrderStatus";
            case SUB_ORDERS:
            case COUPON_IDS:
            case PROPS:
            case ORDER:
            case RETURN_ORDER:
                // ORDER and RETURN_ORDER: the mapper check of the verifier decides (OrderMappers)
                return null;
            default:
                return type.isArray() || Iterable.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type)
                        ? "not a text value: give a single value (a string, number or other scalar)" : null;
        }
    }

    /** Whether a value declared as {@code type} may be one of the accepted types. */
    private static boolean related(Class<?> type, Class<?>... accepted) {
        for (Class<?> candidate : accepted) {
            if (candidate.isAssignableFrom(type) || type.isAssignableFrom(candidate)) {
                return true;
            }
        }
        return false;
    }

    static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    private static BigDecimal integral(Number number, String what) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(number.toString());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("expected " + what + " but got " + typeName(number) + " " + number);
        }
        if (decimal.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("expected " + what + " (a whole number) but got " + number);
        }
        return decimal;
    }
}
