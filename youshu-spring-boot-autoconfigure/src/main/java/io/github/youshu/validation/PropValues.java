package io.github.youshu.validation;

import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.File;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Collections;
import java.util.Currency;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

/**
 * The values of the props of any other event type ({@link io.github.youshu.event.GenericProps})
 * as they are sent, and the limits they must keep. Each value becomes a JSON-ready value:
 * <ul>
 *   <li>strings, booleans and numbers as they are ({@code BigDecimal} written plain); a number
 *       must be finite, within {@code ±1.7976931348623157E308} (the range of a double, which every
 *       JSON parser holds) and at most {@value #MAX_NUMBER_LENGTH} characters long as written;</li>
 *   <li>date-times as epoch-millisecond {@code long}s: {@code Instant}, {@code OffsetDateTime},
 *       {@code ZonedDateTime}, {@code java.util.Date}, {@code Calendar}; a {@code LocalDateTime}
 *       (and a {@code LocalDate}, at the start of its day) in the zone given ({@code youshu.zone});
 *       other {@code java.time} values ({@code LocalTime}, {@code Duration}, ...) as their ISO-8601 text;</li>
 *   <li>maps as JSON objects: keys as text ({@code 1} and {@code "1"} are the same name, which a map
 *       may then not hold twice), {@code null} values left out; lists, sets and arrays as JSON arrays,
 *       whose entries must not be {@code null} (leaving one out would move the entries after it);
 *       beans and records as JSON objects of their properties in snake_case (Jackson annotations
 *       such as {@code @JsonProperty}, {@code @JsonIgnore} and {@code @JsonValue} are honoured);</li>
 *   <li>at most {@value #MAX_DEPTH} levels deep and {@value #MAX_VALUES} values in all, without
 *       cycles (a map that contains itself).</li>
 * </ul>
 * A value that breaks a rule, or whose getter, iterator or {@code toString()} throws, is a
 * {@link Violation} at its JSON path, e.g. {@code props.items[2].price: must be a finite number}.
 * Thread-safe.
 */
public final class PropValues {

    /** The deepest nesting of maps, lists and beans inside {@code props}. */
    public static final int MAX_DEPTH = 32;

    /** The most values the props of one event may hold, counting every nested value. */
    public static final int MAX_VALUES = 100_000;

    /** The longest a number may be as written, in characters (Jackson's default read limit). */
    public static final int MAX_NUMBER_LENGTH = 1_000;

    /** The largest magnitude of a number: {@link Double#MAX_VALUE}. */
    public static final BigDecimal MAX_NUMBER = new BigDecimal(Double.MAX_VALUE);

    private static final String NULL_ENTRY =
            "must not be null (a null entry cannot be left out without moving the entries after it)";

    /** Converts a Jackson tree into maps, lists and scalars. */
    private static final JsonMapper TREES = JsonMapper.builder().build();

    /** Marks a value that broke a rule (its violation is recorded): it is not written. */
    private static final Object INVALID = new Object();

    private final ZoneId zone;

    /** @param zone the zone of date-times without one ({@code youshu.zone}) */
    public PropValues(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The props a {@code Map} or a bean gives, by wire name, their values not yet converted: map
     * keys as text, a bean's properties in snake_case.
     *
     * @throws IllegalArgumentException naming the key or property when a key is {@code null}, two
     *                                  keys give the same name, a property cannot be read, or a
     *                                  bean has no properties
     */
    public static Map<String, Object> named(Object props) {
        Map<String, Object> named = new LinkedHashMap<>();
        if (props instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                if (key == null) {
                    throw new IllegalArgumentException("a key of the props map is null");
                }
                String name = keyName(key);
                if (named.containsKey(name)) {
                    throw new IllegalArgumentException("two keys of the props map are both written as \"" + name
                            + "\" (e.g. 1 and \"1\"); keep one");
                }
                named.put(name, entry.getValue());
            }
            return named;
        }
        BeanShape shape = BeanShape.of(props.getClass());
        if (shape.properties.isEmpty()) {
            throw new IllegalArgumentException(shape.noProperties());
        }
        for (BeanShape.BeanProperty property : shape.properties) {
            try {
                named.put(property.name(), property.read(props));
            }
            catch (InvocationTargetException ex) {
                throw new IllegalArgumentException("property " + property.name() + " of " + props.getClass().getName()
                        + " could not be read: " + describe(ex.getTargetException()), ex.getTargetException());
            }
        }
        return named;
    }

    /**
     * The props as they are written: every value converted as the class comment says; values
     * that break a rule are left out and recorded as violations under {@code props}.
     */
    Map<String, Object> normalize(Map<String, ?> props, ViolationCollector violations) {
        Walk walk = new Walk(violations);
        return walk.map(props, "props", 1);
    }

    /**
     * The epoch milliseconds of a date-time: {@code Instant}, {@code OffsetDateTime},
     * {@code ZonedDateTime}, {@code java.util.Date} (and its {@code java.sql} subclasses),
     * {@code Calendar}; a {@code LocalDateTime} in {@code zone}. (A {@code LocalDate} is no point in
     * time: as a generic prop it is written at the start of its day, see the class comment.)
     *
     * @return the time, or {@code null} when the value is none of these
     * @throws ArithmeticException when the time is beyond the range of a {@code long} of milliseconds
     */
    public static Long epochMillis(Object value, ZoneId zone) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        if (value instanceof LocalDateTime time) {
            return time.atZone(zone).toInstant().toEpochMilli();
        }
        if (value instanceof Date date) {
            return date.getTime();
        }
        if (value instanceof Calendar calendar) {
            return calendar.getTimeInMillis();
        }
        return null;
    }

    /** What the value is, for messages: its class, and what it says when it fails. */
    static String describe(Throwable failure) {
        String message;
        try {
            message = failure.getMessage();
        }
        catch (RuntimeException ex) {
            message = null;
        }
        return message == null ? failure.getClass().getName() : failure.getClass().getName() + ": " + message;
    }

    private static String keyName(Object key) {
        if (key instanceof String name) {
            return name;
        }
        if (key instanceof Enum<?> constant) {
            return constant.name();
        }
        return String.valueOf(key);
    }

    /** The number's length in characters when written plain, computed without writing it. */
    private static long plainLength(BigDecimal number) {
        long sign = number.signum() < 0 ? 1 : 0;
        long precision = number.precision();
        long scale = number.scale();
        if (scale <= 0) {
            return sign + precision - scale;
        }
        return sign + (precision > scale ? precision + 1 : scale + 2);
    }

    /** One event's walk: the violations, the containers enclosing the current value, the values counted. */
    private final class Walk {
        private final ViolationCollector violations;
        private final Set<Object> enclosing = Collections.newSetFromMap(new IdentityHashMap<>());
        private int values;
        private boolean exhausted;

        Walk(ViolationCollector violations) {
            this.violations = violations;
        }

        /** The value as written; {@code null} for absent; {@link #INVALID} when it broke a rule. */
        private Object value(Object value, String path, int depth) {
            if (value == null) {
                return null;
            }
            if (exhausted || ++values > MAX_VALUES) {
                if (!exhausted) {
                    exhausted = true;
                    violations.add("props", "holds more than " + MAX_VALUES + " values");
                }
                return INVALID;
            }
            try {
                return convert(value, path, depth);
            }
            catch (Throwable ex) {
                if (ex instanceof VirtualMachineError fatal && !(ex instanceof StackOverflowError)) {
                    throw fatal;
                }
                violations.add(path, "could not be read: " + describe(ex), ex);
                return INVALID;
            }
        }

        private Object convert(Object value, String path, int depth) throws InvocationTargetException {
            if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
                    || value instanceof Short || value instanceof Byte) {
                return value;
            }
            if (value instanceof Number number) {
                return number(number, path);
            }
            if (value instanceof CharSequence || value instanceof Character) {
                return value.toString();
            }
            if (value instanceof Enum<?> constant) {
                Method jsonValue = BeanShape.of(constant.getDeclaringClass()).jsonValue;
                return jsonValue == null ? constant.name() : value(invoke(jsonValue, constant), path, depth);
            }
            Object time = time(value);
            if (time != null) {
                return time;
            }
            if (value instanceof Optional<?> optional) {
                return optional.isPresent() ? value(optional.get(), path, depth) : null;
            }
            if (value instanceof byte[] bytes) {
                return Base64.getEncoder().encodeToString(bytes);
            }
            if (value instanceof char[] chars) {
                return new String(chars);
            }
            String text = text(value);
            if (text != null) {
                return text;
            }
            if (value instanceof TreeNode tree) {
                return value(TREES.convertValue(tree, Object.class), path, depth);
            }
            if (depth > MAX_DEPTH) {
                violations.add(path, "nests deeper than " + MAX_DEPTH + " levels");
                return INVALID;
            }
            if (!enclosing.add(value)) {
                violations.add(path, "contains itself (a " + value.getClass().getName() + " that encloses it): a cycle cannot be written");
                return INVALID;
            }
            try {
                if (value instanceof Map<?, ?> map) {
                    return map(map, path, depth + 1);
                }
                if (value instanceof Iterable<?> iterable) {
                    return list(iterable.iterator(), path, depth + 1);
                }
                if (value instanceof Iterator<?> iterator) {
                    return list(iterator, path, depth + 1);
                }
                if (value.getClass().isArray()) {
                    return array(value, path, depth + 1);
                }
                return bean(value, path, depth + 1);
            }
            finally {
                enclosing.remove(value);
            }
        }

        private Map<String, Object> map(Map<?, ?> map, String path, int depth) {
            Map<String, Object> written = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                if (key == null) {
                    violations.add(path, "has a null key: a JSON name cannot be null");
                    continue;
                }
                String name = keyName(key);
                String childPath = path + "." + name;
                Object value = value(entry.getValue(), childPath, depth);
                if (value == null || value == INVALID) {
                    continue;
                }
                if (written.putIfAbsent(name, value) != null) {
                    violations.add(childPath, "is given twice: two keys of the map (e.g. 1 and \"1\") are both written as \""
                            + name + "\"");
                }
                if (exhausted) {
                    break;
                }
            }
            return written;
        }

        private List<Object> list(Iterator<?> iterator, String path, int depth) {
            List<Object> written = new ArrayList<>();
            for (int i = 0; iterator.hasNext() && !exhausted; i++) {
                entry(written, iterator.next(), path + "[" + i + "]", depth);
            }
            return written;
        }

        private List<Object> array(Object array, String path, int depth) {
            int length = Array.getLength(array);
            List<Object> written = new ArrayList<>(Math.min(length, 1024));
            for (int i = 0; i < length && !exhausted; i++) {
                entry(written, Array.get(array, i), path + "[" + i + "]", depth);
            }
            return written;
        }

        private void entry(List<Object> written, Object entry, String path, int depth) {
            Object value = value(entry, path, depth);
            if (value == null) {
                violations.add(path, NULL_ENTRY);
            }
            else if (value != INVALID) {
                written.add(value);
            }
        }

        private Object bean(Object bean, String path, int depth) throws InvocationTargetException {
            BeanShape shape = BeanShape.of(bean.getClass());
            if (shape.jsonValue != null) {
                return value(invoke(shape.jsonValue, bean), path, depth);
            }
            if (shape.properties.isEmpty()) {
                violations.add(path, shape.noProperties());
                return INVALID;
            }
            Map<String, Object> written = new LinkedHashMap<>();
            for (BeanShape.BeanProperty property : shape.properties) {
                String childPath = path + "." + property.name();
                Object raw;
                try {
                    raw = property.read(bean);
                }
                catch (InvocationTargetException ex) {
                    Throwable cause = ex.getTargetException();
                    if (cause instanceof VirtualMachineError fatal && !(cause instanceof StackOverflowError)) {
                        throw fatal;
                    }
                    violations.add(childPath, "could not be read: " + describe(cause), cause);
                    continue;
                }
                Object value = value(raw, childPath, depth);
                if (value != null && value != INVALID) {
                    written.put(property.name(), value);
                }
            }
            return written;
        }

        private Object number(Number number, String path) {
            if (number instanceof Double || number instanceof Float) {
                double value = number.doubleValue();
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    violations.add(path, "must be a finite number");
                    return INVALID;
                }
                return number;
            }
            BigDecimal decimal;
            if (number instanceof BigDecimal given) {
                decimal = given;
            }
            else if (number instanceof BigInteger integer) {
                decimal = new BigDecimal(integer);
            }
            else {
                try {
                    decimal = new BigDecimal(number.toString());
                }
                catch (NumberFormatException ex) {
                    violations.add(path, "is a " + number.getClass().getName() + " whose text is not a number");
                    return INVALID;
                }
            }
            if (decimal.abs().compareTo(MAX_NUMBER) > 0) {
                violations.add(path, "must be between -1.7976931348623157E308 and 1.7976931348623157E308 "
                        + "(the range of a double, which every JSON parser holds)");
                return INVALID;
            }
            if (plainLength(decimal) > MAX_NUMBER_LENGTH) {
                violations.add(path, "must be at most " + MAX_NUMBER_LENGTH + " characters long as written");
                return INVALID;
            }
            return number instanceof BigDecimal || number instanceof BigInteger ? number : decimal;
        }

        /** Epoch milliseconds of a date-time, the ISO text of another java.time value, or {@code null}. */
        private Object time(Object value) {
            Long millis = epochMillis(value, zone);
            if (millis != null) {
                return millis;
            }
            if (value instanceof LocalDate date) {
                return date.atStartOfDay(zone).toInstant().toEpochMilli();
            }
            if (value instanceof TemporalAccessor || value instanceof TemporalAmount) {
                return value.toString();
            }
            return null;
        }

        /** The text of a value type written as a JSON string, or {@code null} for another type. */
        private String text(Object value) {
            if (value instanceof UUID || value instanceof URI || value instanceof URL || value instanceof Locale
                    || value instanceof Currency || value instanceof ZoneId || value instanceof Charset
                    || value instanceof Path || value instanceof File) {
                return value.toString();
            }
            if (value instanceof TimeZone timeZone) {
                return timeZone.getID();
            }
            if (value instanceof Class<?> type) {
                return type.getName();
            }
            return null;
        }

        private Object invoke(Method method, Object target) throws InvocationTargetException {
            try {
                return method.invoke(target);
            }
            catch (IllegalAccessException ex) {
                throw new IllegalStateException("cannot call " + method, ex);
            }
        }
    }
}
