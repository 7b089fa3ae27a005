package io.github.youshu.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The server-side checks of one event against the validation rules of the wire contract, written independently
 * of the starter. Accepts the alternatives the contract allows: times as a string of 13 digits, amounts as a
 * numeric string, and {@code order} as an alias of {@code coupon} in coupon_order. Every violation is reported
 * as {@code "<json path>: <message>"}; {@code null} values anywhere are violations (the contract says to omit a
 * field instead), reported first and once each.
 */
final class EventValidator {

    static final List<String> ORDER_STATUSES =
            List.of("give_order", "cancel_pay", "cancel_give_order", "pay", "payed", "refund");
    static final List<String> ORDER_TYPES = List.of("normal", "presale_deposit", "presale_balance");

    private static final long MIN_EPOCH_MILLIS_13_DIGITS = 1_000_000_000_000L;
    private static final long MAX_EPOCH_MILLIS_13_DIGITS = 9_999_999_999_999L;
    private static final Pattern THIRTEEN_DIGITS = Pattern.compile("\\d{13}");
    private static final Pattern NUMERIC_STRING = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** The largest amount in yuan: 15 significant digits, which a parser reading numbers as doubles keeps to the cent. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    /** The largest magnitude of any number: a double's, which every JSON parser holds. */
    private static final BigDecimal MAX_NUMBER = new BigDecimal(Double.MAX_VALUE);

    /**
     * Validates one event.
     *
     * @param event the event node
     * @param path  the event's own JSON path, e.g. {@code [1]} within a batch, or {@code ""} for a lone event
     * @return every violation; empty when the event is valid
     */
    List<String> validate(JsonNode event, String path) {
        Violations v = new Violations();
        if (!event.isObject()) {
            v.add(path.isEmpty() ? "$" : path, "must be a JSON object");
            return v.list;
        }
        reportNulls(event, path, v);
        String type = requiredText(event, path, "type", v);
        optionalText(event, path, "from", v);
        optionalString(event, path, "tracking_id", v);
        JsonNode props = requiredObject(event, path, "props", v);
        if (props == null) {
            return v.list;
        }
        String propsPath = child(path, "props");
        validateCommonProps(props, propsPath, v);
        if ("custom_order".equals(type)) {
            validateCustomOrder(props, propsPath, v);
        } else if ("coupon_order".equals(type)) {
            validateCouponOrder(props, propsPath, v);
        }
        return v.list;
    }

    private void validateCommonProps(JsonNode props, String path, Violations v) {
        String page = requiredText(props, path, "page", v);
        if (page != null && page.startsWith("/")) {
            v.add(child(path, "page"), "must not start with '/'");
        }
        optionalString(props, path, "page_title", v);
        optionalString(props, path, "sr_sdk_version", v);
        requiredEpochMillis(props, path, "time", v);

        JsonNode wxUser = requiredObject(props, path, "wx_user", v);
        if (wxUser != null) {
            String wxUserPath = child(path, "wx_user");
            requiredText(wxUser, wxUserPath, "app_id", v);
            requiredText(wxUser, wxUserPath, "open_id", v);
            optionalString(wxUser, wxUserPath, "user_id", v);
            optionalString(wxUser, wxUserPath, "union_id", v);
            optionalString(wxUser, wxUserPath, "local_id", v);
            optionalObject(wxUser, wxUserPath, "extra", v);
            JsonNode tags = optionalArray(wxUser, wxUserPath, "tag", v);
            forEachObject(tags, child(wxUserPath, "tag"), v, (tag, tagPath) -> validateTag(tag, tagPath, v));
        }

        JsonNode chan = requiredObject(props, path, "chan", v);
        if (chan != null) {
            validateChan(chan, child(path, "chan"), v);
        }

        JsonNode component = optionalObject(props, path, "component", v);
        if (component != null) {
            String componentPath = child(path, "component");
            optionalString(component, componentPath, "component_id", v);
            optionalString(component, componentPath, "component_name", v);
        }
    }

    private void validateTag(JsonNode tag, String path, Violations v) {
        boolean hasId = optionalString(tag, path, "tag_id", v) != null;
        boolean hasName = optionalString(tag, path, "tag_name", v) != null;
        if (hasId && !hasName) {
            v.add(child(path, "tag_name"), "is required when tag_id is present");
        } else if (hasName && !hasId) {
            v.add(child(path, "tag_id"), "is required when tag_name is present");
        }
    }

    private void validateChan(JsonNode chan, String path, Violations v) {
        JsonNode scene = chan.get("chan_wxapp_scene");
        if (scene == null) {
            v.add(child(path, "chan_wxapp_scene"), "is required");
        } else if (!scene.isNull() && !scene.isIntegralNumber()) {
            v.add(child(path, "chan_wxapp_scene"), "must be an integer" + (scene.isTextual() ? ", not a string" : ""));
        }
        optionalString(chan, path, "chan_id", v);
        optionalString(chan, path, "chan_refer_app_id", v);
        if (optionalString(chan, path, "chan_shop_id", v) != null) {
            requiredText(chan, path, "chan_shop_name", v, "when chan_shop_id is present");
        } else {
            optionalString(chan, path, "chan_shop_name", v);
        }
        optionalObject(chan, path, "extra", v);
        JsonNode custom = optionalObject(chan, path, "chan_custom", v);
        if (custom != null) {
            validateChanCustom(custom, child(path, "chan_custom"), v);
        }
    }

    private void validateChanCustom(JsonNode custom, String path, Violations v) {
        boolean any = false;
        for (String field : List.of("chan_custom_id", "chan_custom_id_desc", "chan_custom_cat_3",
                "chan_custom_cat_3_desc", "chan_custom_cat_2", "chan_custom_cat_2_desc", "chan_custom_cat_1",
                "chan_custom_cat_1_desc")) {
            any |= optionalString(custom, path, field, v) != null;
        }
        if (!any) {
            return;
        }
        requiredText(custom, path, "chan_custom_id", v, "when chan_custom is filled");
        requiredText(custom, path, "chan_custom_id_desc", v, "when chan_custom is filled");
        for (int level = 3; level >= 1; level--) {
            String cat = "chan_custom_cat_" + level;
            if (!present(custom, cat)) {
                continue;
            }
            requiredText(custom, path, cat + "_desc", v, "when " + cat + " is present");
            for (int lower = level + 1; lower <= 3; lower++) {
                requiredText(custom, path, "chan_custom_cat_" + lower, v, "when " + cat + " is present");
            }
        }
    }

    private void validateCustomOrder(JsonNode props, String path, Violations v) {
        JsonNode order = requiredObject(props, path, "order", v);
        if (order != null) {
            String orderPath = child(path, "order");
            requiredText(order, orderPath, "order_id", v);
            requiredEpochMillis(order, orderPath, "order_time", v);
            requiredEnum(order, orderPath, "order_status", ORDER_STATUSES, v);
            String orderType = optionalString(order, orderPath, "order_type", v);
            if (orderType != null && !ORDER_TYPES.contains(orderType)) {
                v.add(child(orderPath, "order_type"), "must be one of " + ORDER_TYPES + " (got '"
                        + orderType + "')");
            }
            optionalObject(order, orderPath, "extra", v);
        }
        JsonNode subOrders = requiredNonEmptyArray(props, path, "sub_orders", v);
        forEachObject(subOrders, child(path, "sub_orders"), v, (sub, subPath) -> {
            requiredText(sub, subPath, "sub_order_id", v);
            requiredAmount(sub, subPath, "order_amt", v);
            requiredAmount(sub, subPath, "pay_amt", v);
        });
    }

    /**
     * Runs {@code check} on every object entry of {@code array} (which may be {@code null}) with its
     * path; a non-object entry is a violation, a JSON null entry is reported where nulls are.
     */
    private static void forEachObject(JsonNode array, String arrayPath, Violations v, BiConsumer<JsonNode, String> check) {
        if (array == null) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            String entryPath = arrayPath + "[" + i + "]";
            JsonNode entry = array.get(i);
            if (entry.isNull()) {
                continue;
            }
            if (!entry.isObject()) {
                v.add(entryPath, "must be a JSON object");
                continue;
            }
            check.accept(entry, entryPath);
        }
    }

    private void validateCouponOrder(JsonNode props, String path, Violations v) {
        String key = "coupon";
        if (!present(props, "coupon") && present(props, "order")) {
            key = "order";
        } else if (present(props, "coupon") && present(props, "order")) {
            v.add(child(path, "order"), "must not be sent together with coupon (order is only an alias of coupon)");
        }
        JsonNode coupon = requiredObject(props, path, key, v);
        if (coupon != null) {
            String couponPath = child(path, key);
            requiredText(coupon, couponPath, "order_id", v);
            requiredEpochMillis(coupon, couponPath, "order_time", v);
            requiredEnum(coupon, couponPath, "order_status", ORDER_STATUSES, v);
            requiredText(coupon, couponPath, "coupon_batch_id", v);
            requiredAmount(coupon, couponPath, "pay_amt", v);
        }
        JsonNode couponInfo = requiredNonEmptyArray(props, path, "coupon_info", v);
        forEachObject(couponInfo, child(path, "coupon_info"), v,
                (info, infoPath) -> requiredText(info, infoPath, "coupon_id", v));
    }

    // ---- field checks. A null value is reported once by reportNulls and otherwise treated as "no value". ----

    private static String requiredText(JsonNode parent, String path, String name, Violations v) {
        return requiredText(parent, path, name, v, null);
    }

    /** A non-blank string; {@code condition} (e.g. "when x is present") is appended to "is required". */
    private static String requiredText(JsonNode parent, String path, String name, Violations v, String condition) {
        JsonNode node = parent.get(name);
        if (node == null) {
            v.add(child(path, name), condition == null ? "is required" : "is required " + condition);
            return null;
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            v.add(child(path, name), "must be a string");
            return null;
        }
        if (node.asText().isBlank()) {
            v.add(child(path, name), "must not be blank");
            return null;
        }
        return node.asText();
    }

    /** A string if present (empty allowed); returns it, or {@code null} when absent or not a string. */
    private static String optionalString(JsonNode parent, String path, String name, Violations v) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            v.add(child(path, name), "must be a string");
            return null;
        }
        return node.asText();
    }

    /** A non-blank string if present. */
    private static void optionalText(JsonNode parent, String path, String name, Violations v) {
        String value = optionalString(parent, path, name, v);
        if (value != null && value.isBlank()) {
            v.add(child(path, name), "must not be blank");
        }
    }

    private static void requiredEnum(JsonNode parent, String path, String name, List<String> allowed, Violations v) {
        String value = requiredText(parent, path, name, v);
        if (value != null && !allowed.contains(value)) {
            v.add(child(path, name), "must be one of " + allowed + " (got '" + value + "')");
        }
    }

    private static JsonNode requiredObject(JsonNode parent, String path, String name, Violations v) {
        JsonNode node = parent.get(name);
        if (node == null) {
            v.add(child(path, name), "is required");
            return null;
        }
        return objectOrNull(node, child(path, name), v);
    }

    private static JsonNode optionalObject(JsonNode parent, String path, String name, Violations v) {
        JsonNode node = parent.get(name);
        return node == null ? null : objectOrNull(node, child(path, name), v);
    }

    private static JsonNode objectOrNull(JsonNode node, String path, Violations v) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            v.add(path, "must be a JSON object");
            return null;
        }
        return node;
    }

    private static JsonNode optionalArray(JsonNode parent, String path, String name, Violations v) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            v.add(child(path, name), "must be a JSON array");
            return null;
        }
        return node;
    }

    private static JsonNode requiredNonEmptyArray(JsonNode parent, String path, String name, Violations v) {
        if (parent.get(name) == null) {
            v.add(child(path, name), "is required");
            return null;
        }
        JsonNode array = optionalArray(parent, path, name, v);
        if (array != null && array.isEmpty()) {
            v.add(child(path, name), "must not be empty");
            return null;
        }
        return array;
    }

    /** A 13-digit epoch-milliseconds time: a JSON integer, or a string of exactly 13 digits. */
    private static void requiredEpochMillis(JsonNode parent, String path, String name, Violations v) {
        JsonNode node = parent.get(name);
        if (node == null) {
            v.add(child(path, name), "is required");
            return;
        }
        if (node.isNull()) {
            return;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long millis = node.longValue();
            if (millis < MIN_EPOCH_MILLIS_13_DIGITS || millis > MAX_EPOCH_MILLIS_13_DIGITS) {
                v.add(child(path, name), "must be 13-digit epoch milliseconds (got " + millis
                        + (String.valueOf(Math.abs(millis)).length() == 10 ? ", looks like seconds)" : ")"));
            }
        } else if (node.isTextual()) {
            if (!THIRTEEN_DIGITS.matcher(node.asText()).matches()) {
                v.add(child(path, name), "must be 13-digit epoch milliseconds (got '" + node.asText() + "')");
            }
        } else {
            v.add(child(path, name), "must be 13-digit epoch milliseconds as an integer or a string of digits");
        }
    }

    /** An amount in yuan: a JSON number or a numeric string, {@code >= 0}, with at most 2 decimal places. */
    private static void requiredAmount(JsonNode parent, String path, String name, Violations v) {
        JsonNode node = parent.get(name);
        if (node == null) {
            v.add(child(path, name), "is required");
            return;
        }
        if (node.isNull()) {
            return;
        }
        BigDecimal amount;
        if (node.isNumber()) {
            amount = node.decimalValue();
        } else if (node.isTextual() && NUMERIC_STRING.matcher(node.asText()).matches()) {
            amount = new BigDecimal(node.asText());
        } else {
            v.add(child(path, name), "must be a number (yuan) or a numeric string");
            return;
        }
        if (amount.signum() < 0) {
            v.add(child(path, name), "must be >= 0");
        }
        if (amount.scale() > 2) {
            v.add(child(path, name), "must have at most 2 decimal places (got " + amount.toPlainString() + ")");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            v.add(child(path, name), "must be at most " + MAX_AMOUNT.toPlainString() + " yuan");
        }
    }

    /** Reports {@code null} values and numbers beyond a double's range, wherever they are. */
    private static void reportNulls(JsonNode node, String path, Violations v) {
        if (node.isBigInteger() || node.isBigDecimal()) {
            if (node.decimalValue().abs().compareTo(MAX_NUMBER) > 0) {
                v.add(path.isEmpty() ? "$" : path, "must be within the range of a double (|x| <= 1.7976931348623157E308)");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String fieldPath = child(path, field.getKey());
                if (field.getValue().isNull()) {
                    v.add(fieldPath, "must not be null (omit the field instead)");
                } else {
                    reportNulls(field.getValue(), fieldPath, v);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String elementPath = path + "[" + i + "]";
                if (node.get(i).isNull()) {
                    v.add(elementPath, "must not be null");
                } else {
                    reportNulls(node.get(i), elementPath, v);
                }
            }
        }
    }

    private static boolean present(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node != null && !node.isNull();
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static final class Violations {
        private final List<String> list = new ArrayList<>();

        void add(String path, String message) {
            list.add(path + ": " + message);
        }
    }
}
