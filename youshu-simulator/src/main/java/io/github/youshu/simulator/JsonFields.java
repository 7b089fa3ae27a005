package io.github.youshu.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed reads of one JSON object's fields, in the value conventions of the data-api (data-api.md §3). Each read
 * checks the field's presence and type and, when it is wrong, records {@code "<json path>: <message>"} (e.g.
 * {@code orders[0].goods_info[1].goods_num: must be >= 1}) and returns {@code null}. A {@code null} JSON value
 * is always a violation ("omit the field instead").
 */
final class JsonFields {

    private static final Pattern THIRTEEN_DIGITS = Pattern.compile("\\d{13}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final JsonNode node;
    private final String path;
    private final List<String> violations;

    /**
     * @param node       a JSON object
     * @param path       its JSON path, e.g. {@code orders[0]}
     * @param violations where violations are added
     */
    JsonFields(JsonNode node, String path, List<String> violations) {
        this.node = node;
        this.path = path;
        this.violations = violations;
    }

    String path() {
        return path;
    }

    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Records a violation of the field {@code name}. */
    void violation(String name, String message) {
        violations.add(pathOf(name) + ": " + message);
    }

    /** Whether the field is present with a non-null value. */
    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** The raw value when present and not null (no check), else {@code null}. */
    JsonNode raw(String name) {
        return has(name) ? node.get(name) : null;
    }

    /**
     * The value when present and not null; records "is required[ condition]" when absent and required, "must
     * not be null" when null.
     */
    private JsonNode value(String name, boolean required, String condition) {
        JsonNode value = node.get(name);
        if (value == null) {
            if (required) {
                violation(name, condition == null ? "is required" : "is required " + condition);
            }
            return null;
        }
        if (value.isNull()) {
            violation(name, "must not be null (omit the field instead)");
            return null;
        }
        return value;
    }

    /** A string; when required also not blank. */
    String text(String name, boolean required) {
        return text(name, required, null);
    }

    /** A string, required (not blank) under {@code condition}, e.g. "when order_source is wxapp". */
    String text(String name, boolean required, String condition) {
        JsonNode value = value(name, required, condition);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            violation(name, "must be a string" + (value.isNumber() ? " (got the number " + value + ")" : ""));
            return null;
        }
        if (required && value.asText().isBlank()) {
            violation(name, "must not be blank");
            return null;
        }
        return value.asText();
    }

    /** A string code out of {@code allowed}. */
    String code(String name, boolean required, List<String> allowed) {
        String value = text(name, required);
        if (value != null && !allowed.contains(value)) {
            violation(name, "must be one of " + allowed + " (got '" + value + "')");
            return null;
        }
        return value;
    }

    /** A string matching {@code format}, described by {@code expected} (e.g. "YYYYMMDD"). */
    String formatted(String name, Pattern format, String expected) {
        String value = text(name, false);
        if (value != null && !format.matcher(value).matches()) {
            violation(name, "must be " + expected + " (got '" + value + "')");
            return null;
        }
        return value;
    }

    /** A JSON integer within {@code min..max}. */
    Long integer(String name, boolean required, long min, long max) {
        JsonNode value = value(name, required, null);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            violation(name, "must be an integer" + (value.isTextual() ? ", not a string" : ""));
            return null;
        }
        long number = value.longValue();
        if (number < min) {
            violation(name, "must be >= " + min + " (got " + number + ")");
            return null;
        }
        if (number > max) {
            violation(name, "must be <= " + max + " (got " + number + ")");
            return null;
        }
        return number;
    }

    /** Money (yuan): a JSON number, {@code >= 0}, with at most 2 decimal places as written. */
    BigDecimal money(String name, boolean required) {
        JsonNode value = value(name, required, null);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            violation(name, "must be a JSON number of yuan" + (value.isTextual() ? ", not a string" : ""));
            return null;
        }
        BigDecimal amount = value.decimalValue();
        if (amount.signum() < 0) {
            violation(name, "must be >= 0 (got " + amount.toPlainString() + ")");
            return null;
        }
        if (amount.scale() > 2) {
            violation(name, "must have at most 2 decimal places (got " + amount.toPlainString() + ")");
            return null;
        }
        return amount;
    }

    /** A non-negative JSON number of any precision (grams, points). */
    BigDecimal quantity(String name) {
        JsonNode value = value(name, false, null);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().signum() < 0) {
            violation(name, "must be a JSON number >= 0");
            return null;
        }
        return value.decimalValue();
    }

    /** A JSON boolean. */
    Boolean bool(String name) {
        JsonNode value = value(name, false, null);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            violation(name, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** A time: a string of 13 digits, epoch milliseconds (data-api.md §3). */
    Long time(String name, boolean required) {
        JsonNode value = value(name, required, null);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            violation(name, "must be a string of 13 digits (epoch milliseconds), e.g. \"1700000000000\""
                    + (value.isNumber() ? ", not a number" : ""));
            return null;
        }
        if (!THIRTEEN_DIGITS.matcher(value.asText()).matches()) {
            violation(name, "must be a string of 13 digits (epoch milliseconds) (got '" + value.asText() + "')");
            return null;
        }
        return Long.parseLong(value.asText());
    }

    /** A phone number as data-api.md §3 sends it: 64 lowercase hex digits of SHA-256, never the number. */
    void sha256(String name) {
        String value = text(name, false);
        if (value != null && !SHA256_HEX.matcher(value).matches()) {
            violation(name, "must be the lowercase hex SHA-256 of the phone number's digits (64 characters"
                    + " 0-9a-f), never the number itself");
        }
    }

    /** A nested JSON object. */
    JsonFields object(String name, boolean required) {
        JsonNode value = value(name, required, null);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            violation(name, "must be a JSON object");
            return null;
        }
        return new JsonFields(value, pathOf(name), violations);
    }

    /** A JSON array of objects; when required also not empty. Entries that are not objects are violations. */
    List<JsonFields> objects(String name, boolean required) {
        return objects(name, required, null);
    }

    /** A JSON array of objects, required (and not empty) under {@code condition}. */
    List<JsonFields> objects(String name, boolean required, String condition) {
        JsonNode value = value(name, required, condition);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            violation(name, "must be a JSON array");
            return List.of();
        }
        if (required && value.isEmpty()) {
            violation(name, condition == null ? "must not be empty" : "must not be empty " + condition);
        }
        List<JsonFields> entries = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String entryPath = pathOf(name) + "[" + i + "]";
            JsonNode entry = value.get(i);
            if (!entry.isObject()) {
                violations.add(entryPath + ": must be a JSON object" + (entry.isNull() ? ", not null" : ""));
            } else {
                entries.add(new JsonFields(entry, entryPath, violations));
            }
        }
        return entries;
    }
}
