package io.github.youshu.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The props of an event type the library has no model for: the type's own props as a map of wire
 * names to values, plus the {@link CommonProps}. Before they are validated and sent, the values
 * are converted as {@link io.github.youshu.validation.PropValues} describes: strings, numbers
 * ({@code BigDecimal} as a plain number, within the range of a double), booleans, maps, lists and
 * beans (their properties in snake_case); date-times ({@code Instant}, {@code LocalDateTime} in
 * {@code youshu.zone}, {@code Date}, ...) as epoch-millisecond integers; {@code null} values left
 * out, {@code null} list entries refused.
 *
 * <pre>{@code
 * GenericProps props = GenericProps.builder()
 *         .put("sku_id", "AOdjf7u")
 *         .put("sku_num", 2)
 *         .common(CommonProps.builder().page("pages/product").build())
 *         .build();
 * }</pre>
 */
public final class GenericProps implements EventProps {

    /** The wire names of the common props: a type-specific prop may not use them. */
    private static final Set<String> COMMON_NAMES =
            Set.of("page", "page_title", "sr_sdk_version", "time", "wx_user", "chan", "component");

    private final Map<String, Object> properties;
    private final CommonProps common;

    private GenericProps(Map<String, ?> properties, CommonProps common) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            String name = entry.getKey();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A prop name must not be blank");
            }
            if (COMMON_NAMES.contains(name)) {
                throw new IllegalArgumentException("Prop '" + name + "' is a common prop: set it with CommonProps, not as a type-specific prop");
            }
            if (entry.getValue() != null) {
                copy.put(name, entry.getValue());
            }
        }
        this.properties = Collections.unmodifiableMap(copy);
        this.common = common == null ? CommonProps.EMPTY : common;
    }

    /**
     * @param properties the type's own props by wire name; {@code null} values are dropped
     * @param common     the common props; {@code null} for none
     * @throws IllegalArgumentException when a name is blank or is one of the common props' names
     */
    public static GenericProps of(Map<String, ?> properties, CommonProps common) {
        return new GenericProps(Objects.requireNonNull(properties, "properties"), common);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these props. */
    public Builder toBuilder() {
        return new Builder().putAll(properties).common(common);
    }

    /** The type's own props by wire name, in insertion order; unmodifiable. */
    @JsonAnyGetter
    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    @JsonProperty
    @JsonUnwrapped
    public CommonProps common() {
        return common;
    }

    /**
     * The {@code order_id} prop as text when it is a string, a number or a UUID; {@code null} when
     * there is none or it is a value of another kind (never the result of its {@code toString()}).
     */
    @Override
    public String orderId() {
        Object orderId = properties.get("order_id");
        if (orderId instanceof String text) {
            return text;
        }
        if (orderId instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return orderId instanceof Number || orderId instanceof UUID ? orderId.toString() : null;
    }

    @Override
    public GenericProps withCommon(CommonProps common) {
        return new GenericProps(properties, common);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof GenericProps that
                && properties.equals(that.properties) && common.equals(that.common);
    }

    @Override
    public int hashCode() {
        return Objects.hash(properties, common);
    }

    @Override
    public String toString() {
        return "GenericProps[properties=" + properties + ", common=" + common + "]";
    }

    /** Builds {@link GenericProps}. */
    public static final class Builder {
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private CommonProps common;

        private Builder() {
        }

        /** Sets a type-specific prop by its wire name; a {@code null} value removes it. */
        public Builder put(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        /** Sets all the given props. */
        public Builder putAll(Map<String, ?> properties) {
            this.properties.putAll(properties);
            return this;
        }

        public Builder common(CommonProps common) {
            this.common = common;
            return this;
        }

        /** @throws IllegalArgumentException when a name is blank or is one of the common props' names */
        public GenericProps build() {
            return new GenericProps(properties, common);
        }
    }
}
