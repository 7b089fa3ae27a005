package io.github.youshu.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server-side checks of data-api requests (data-api.md §3–§7), written from the spec independently of the
 * starter. Every violation is {@code "<json path>: <message>"}, e.g.
 * {@code orders[0].goods_info[1].goods_num: must be >= 1 (got 0)}. The §6 rules "goods_num_total = Σ goods_num",
 * "Σ payment_info.trans_amount = payment_amount" and "coupon_amount_total = Σ coupon_amount" are warnings (real
 * integrations break them for legitimate reasons) unless built with {@code amountWarningsAsErrors}.
 */
final class DataApiValidator {

    /** At most this many items per request (data-api.md §1). */
    static final int MAX_ITEMS = 50;
    /** The order status codes of §8. */
    static final List<String> ORDER_STATUSES =
            List.of("1110", "1130", "1140", "1150", "1160", "1180", "1280", "1290");
    static final List<String> ORDER_SOURCES = List.of("wxapp", "app", "mobileweb", "pcweb", "offstore_pos_manual",
            "offstore_pos_self_help", "other");
    static final List<String> INVOICE_TYPES = List.of("1000", "1001", "1002", "1003", "1004", "1005", "1006");

    private static final long MAX_INT = Integer.MAX_VALUE;
    private static final Pattern DELIVERY_TIME = Pattern.compile("\\d{1,2}:\\d{2}-\\d{1,2}:\\d{2}");
    private static final Pattern DELIVERY_DATE = Pattern.compile("\\d{8}");
    private static final DateTimeFormatter YYYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** What is wrong with one item: errors refuse the request (retcode 13), warnings are only shown. */
    record Verdict(List<String> errors, List<String> warnings) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final ZoneId zone;
    private final boolean amountWarningsAsErrors;

    /**
     * @param zone                   the merchant's zone: {@code ref_date} of daily totals must be its midnight
     * @param amountWarningsAsErrors whether the §6 sum rules refuse the item instead of only warning
     */
    DataApiValidator(ZoneId zone, boolean amountWarningsAsErrors) {
        this.zone = zone;
        this.amountWarningsAsErrors = amountWarningsAsErrors;
    }

    /**
     * Checks the reporting envelope {@code {"dataSourceId": "..", "<list key>": [item, ...]}}: an object, a
     * non-blank string {@code dataSourceId}, and a list of 1 to {@value #MAX_ITEMS} items.
     *
     * @return every violation of the envelope itself; the items are checked by {@link #validateItem}
     */
    List<String> validateEnvelope(JsonNode root, DataApiEndpoint endpoint) {
        List<String> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            errors.add("$: must be a JSON object {\"dataSourceId\": \"..\", \"" + endpoint.listKey()
                    + "\": [..]}");
            return errors;
        }
        JsonFields envelope = new JsonFields(root, "", errors);
        envelope.text("dataSourceId", true);
        JsonNode items = envelope.raw(endpoint.listKey());
        if (items == null) {
            envelope.text(endpoint.listKey(), true); // records "is required" / "must not be null"
        } else if (!items.isArray()) {
            envelope.violation(endpoint.listKey(), "must be a JSON array");
        } else if (items.isEmpty()) {
            envelope.violation(endpoint.listKey(), "must not be empty");
        } else if (items.size() > MAX_ITEMS) {
            envelope.violation(endpoint.listKey(), "must have at most " + MAX_ITEMS + " items (got " + items.size()
                    + "); split the batch");
        }
        return errors;
    }

    /**
     * Checks one item of a reporting endpoint.
     *
     * @param path the item's JSON path, e.g. {@code orders[3]}
     */
    Verdict validateItem(DataApiEndpoint endpoint, JsonNode item, String path) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!item.isObject()) {
            errors.add(path + ": must be a JSON object");
            return new Verdict(errors, warnings);
        }
        JsonFields fields = new JsonFields(item, path, errors);
        rejectPlainPhoneNumbers(item, path, errors);
        switch (endpoint) {
            case ADD_ORDER -> validateOrder(fields, amountWarningsAsErrors ? errors : warnings);
            case UPDATE_ORDER -> {
                fields.text("external_order_id", true);
                fields.code("order_status", true, ORDER_STATUSES);
                fields.time("status_change_time", true);
            }
            case ADD_RETURN_ORDER -> validateReturnOrder(fields);
            case ADD_ORDER_SUM -> validateDailyTotals(fields);
            default -> throw new IllegalArgumentException(endpoint + " carries no items");
        }
        return new Verdict(List.copyOf(errors), List.copyOf(warnings));
    }

    // ---- §4 add_order ----

    private void validateOrder(JsonFields order, List<String> sumRules) {
        order.text("external_order_id", true);
        order.time("create_time", true);
        String source = order.code("order_source", true, ORDER_SOURCES);
        order.integer("order_type", true, 1, 8);
        String status = order.code("order_status", true, ORDER_STATUSES);
        order.time("status_change_time", true);
        Long goodsNumTotal = order.integer("goods_num_total", true, 1, MAX_INT);
        BigDecimal goodsAmountTotal = order.money("goods_amount_total", true);
        BigDecimal freight = order.money("freight_amount", true);
        BigDecimal orderAmount = order.money("order_amount", true);
        BigDecimal payable = order.money("payable_amount", true);
        BigDecimal payment = order.money("payment_amount", true);

        JsonFields user = order.object("user_info", true);
        if (user != null) {
            user.text("open_id", "wxapp".equals(source), "when order_source is wxapp");
            for (String name : List.of("app_id", "union_id", "user_id", "member_id", "card_level")) {
                user.text(name, false);
            }
            user.time("user_first_order_time", false);
            user.sha256("sha256_user_phone");
        }

        Long goodsNumSum = 0L;
        for (JsonFields line : order.objects("goods_info", true)) {
            Long goodsNum = validateGoodsLine(line);
            goodsNumSum = goodsNum == null || goodsNumSum == null ? null : goodsNumSum + goodsNum;
        }

        boolean unpaid = "1110".equals(status);
        BigDecimal transSum = BigDecimal.ZERO;
        List<JsonFields> payments = order.objects("payment_info", status != null && !unpaid,
                "unless order_status is 1110");
        for (JsonFields pay : payments) {
            pay.text("payment_type", true);
            pay.text("trans_id", false);
            transSum = addOrNull(transSum, pay.money("trans_amount", true));
        }
        for (JsonFields coupon : order.objects("coupon_info", false)) {
            validateCoupon(coupon, sumRules);
        }
        for (JsonFields promotion : order.objects("promotion_info", false)) {
            validatePromotion(promotion);
        }
        JsonFields express = order.object("express_info", false);
        if (express != null) {
            validateExpress(express);
        }
        for (JsonFields invoice : order.objects("invoice_info", false)) {
            validateInvoice(invoice);
        }
        for (String name : List.of("brand_id", "brand_name", "mchid", "appid", "sub_mchid", "sub_appid",
                "combine_mchid", "combine_appid")) {
            order.text(name, false);
        }
        order.quantity("goods_weight");
        order.quantity("points_total");
        order.integer("is_deleted", false, 0, 1);

        // §6 errors
        if (goodsAmountTotal != null && freight != null && orderAmount != null
                && orderAmount.compareTo(goodsAmountTotal.add(freight)) != 0) {
            order.violation("order_amount", "must equal goods_amount_total + freight_amount ("
                    + goodsAmountTotal.toPlainString() + " + " + freight.toPlainString() + " = "
                    + goodsAmountTotal.add(freight).toPlainString() + ", got " + orderAmount.toPlainString() + ")");
        }
        if (payable != null && orderAmount != null && payable.compareTo(orderAmount) > 0) {
            order.violation("payable_amount", "must be <= order_amount (" + payable.toPlainString() + " > "
                    + orderAmount.toPlainString() + ")");
        }
        if (payment != null && payable != null && payment.compareTo(payable) > 0) {
            order.violation("payment_amount", "must be <= payable_amount (" + payment.toPlainString() + " > "
                    + payable.toPlainString() + ")");
        }
        // §6 warnings
        if (goodsNumTotal != null && goodsNumSum != null && goodsNumSum > 0 && goodsNumTotal.longValue() != goodsNumSum) {
            sumRules.add(order.pathOf("goods_num_total") + ": should equal the sum of goods_info[].goods_num ("
                    + goodsNumSum + "), got " + goodsNumTotal);
        }
        if (payment != null && transSum != null && !payments.isEmpty() && transSum.compareTo(payment) != 0) {
            sumRules.add(order.pathOf("payment_info") + ": the sum of trans_amount (" + transSum.toPlainString()
                    + ") should equal payment_amount (" + payment.toPlainString() + ")");
        }
    }

    private static Long validateGoodsLine(JsonFields line) {
        for (String name : List.of("external_sku_id", "sku_name_chinese", "external_spu_id", "spu_name_chinese")) {
            line.text(name, true);
        }
        Long goodsNum = line.integer("goods_num", true, 1, MAX_INT);
        line.money("goods_amount", true);
        line.money("payment_amount", true);
        line.integer("is_gift", false, 0, 1);
        for (String name : List.of("primary_image_url", "sale_unit", "category_id", "category_name")) {
            line.text(name, false);
        }
        line.quantity("goods_weight");
        JsonFields store = line.object("store_info", false);
        if (store != null) {
            for (String name : List.of("external_store_id", "store_name", "store_city")) {
                store.text(name, false);
            }
        }
        for (JsonFields chan : line.objects("chan_info", false)) {
            JsonFields wxapp = chan.object("chan_wxapp", false);
            if (wxapp != null) {
                wxapp.text("chan_scene", false);
            }
            JsonFields custom = chan.object("chan_custom", false);
            if (custom != null) {
                validateCustomChannel(custom);
            }
            chan.text("chan_refer_app_id", false);
            chan.text("chan_id", false);
        }
        for (JsonFields commission : line.objects("commission_info", false)) {
            commission.integer("commission_type", true, 1, 2);
            commission.money("commission_fee", true);
        }
        return goodsNum;
    }

    /**
     * The four-level channel of custom_order.md: once any field is filled, {@code chan_custom_id} and its
     * {@code _desc} are required; a level's category needs its description and every deeper level.
     */
    private static void validateCustomChannel(JsonFields custom) {
        List<String> names = List.of("chan_custom_id", "chan_custom_cat_1", "chan_custom_cat_2", "chan_custom_cat_3");
        boolean filled = false;
        for (String name : names) {
            filled |= custom.text(name, false) != null;
            filled |= custom.text(name + "_desc", false) != null;
        }
        if (!filled) {
            return;
        }
        custom.text("chan_custom_id", true, "when chan_custom is filled");
        custom.text("chan_custom_id_desc", true, "when chan_custom is filled");
        for (int level = 1; level <= 3; level++) {
            String category = "chan_custom_cat_" + level;
            if (!custom.has(category)) {
                continue;
            }
            custom.text(category + "_desc", true, "when " + category + " is present");
            for (int deeper = level + 1; deeper <= 3; deeper++) {
                custom.text("chan_custom_cat_" + deeper, true, "when " + category + " is present");
            }
        }
    }

    private static void validateCoupon(JsonFields coupon, List<String> sumRules) {
        coupon.integer("coupon_type", true, 1, 2);
        BigDecimal total = coupon.money("coupon_amount_total", true);
        BigDecimal sum = BigDecimal.ZERO;
        List<JsonFields> details = coupon.objects("coupon_detail", false);
        for (JsonFields detail : details) {
            for (String name : List.of("external_coupon_id", "coupon_batch_id", "coupon_name")) {
                detail.text(name, false);
            }
            sum = addOrNull(sum, detail.money("coupon_amount", true));
        }
        if (total != null && sum != null && !details.isEmpty() && total.compareTo(sum) != 0) {
            sumRules.add(coupon.pathOf("coupon_amount_total") + ": should equal the sum of coupon_detail[]"
                    + ".coupon_amount (" + sum.toPlainString() + "), got " + total.toPlainString());
        }
    }

    /** The newer shape with {@code promotion_detail[]}; the older flat shape is accepted too (§4 Decision). */
    private static void validatePromotion(JsonFields promotion) {
        promotion.integer("promotion_type", true, 1, 2);
        if (promotion.has("promotion_detail")) {
            for (JsonFields detail : promotion.objects("promotion_detail", true)) {
                detail.text("external_promotion_id", false);
                detail.text("promotion_name", false);
                detail.money("promotion_amount", true);
            }
        } else {
            promotion.text("external_promotion_id", false);
            promotion.text("promotion_name", false);
            promotion.money("promotion_amount", false);
        }
    }

    private static void validateExpress(JsonFields express) {
        JsonNode logistics = express.raw("logistics_status");
        if (logistics != null && !logistics.isTextual() && !logistics.isIntegralNumber()) {
            express.violation("logistics_status", "must be a string or an integer");
        }
        express.quantity("goods_total_weight");
        for (String name : List.of("receiver_name", "receiver_address", "receiver_country_code",
                "receiver_province_code", "receiver_city_code", "receiver_district_code")) {
            express.text(name, false);
        }
        express.sha256("sha256_receiver_phone");
        express.formatted("expected_delivery_time", DELIVERY_TIME, "a time range such as \"9:00-12:00\"");
        String date = express.formatted("expected_delivery_date", DELIVERY_DATE, "a date YYYYMMDD");
        if (date != null) {
            try {
                YYYYMMDD.parse(date);
            } catch (DateTimeParseException e) {
                express.violation("expected_delivery_date", "must be a real date YYYYMMDD (got '" + date + "')");
            }
        }
        for (JsonFields parcel : express.objects("express_package_info", false)) {
            for (String name : List.of("express_company_code", "express_company_name", "express_code")) {
                parcel.text(name, false);
            }
            parcel.time("ship_time", false);
            JsonFields page = parcel.object("express_page", false);
            if (page != null) {
                String miniProgramPath = page.text("miniprogram_path", false);
                page.text("miniprogram_appid", miniProgramPath != null, "when miniprogram_path is present");
                page.text("miniprogram_h5", false);
            }
            for (JsonFields content : parcel.objects("express_package_info", false)) {
                content.text("external_sku_id", true);
                content.integer("number", true, 1, MAX_INT);
            }
        }
    }

    private static void validateInvoice(JsonFields invoice) {
        invoice.bool("if_need_invoice");
        JsonNode type = invoice.raw("invoice_type");
        if (type != null && !INVOICE_TYPES.contains(type.isTextual() || type.isIntegralNumber() ? type.asText() : "")) {
            invoice.violation("invoice_type", "must be one of " + INVOICE_TYPES + " (got " + type + ")");
        }
        for (String name : List.of("invoice_title", "invoice_content", "invoice_addition_info", "invoice_company",
                "invoice_taxpayer", "registry_address", "registry_bank_name", "registry_bank_account",
                "invoice_delivery_address", "invoice_delivery_name", "invoice_num")) {
            invoice.text(name, false);
        }
        invoice.sha256("sha256_registry_phone");
        invoice.sha256("sha256_invoice_delivery_phone");
    }

    // ---- §7 ----

    private static void validateReturnOrder(JsonFields returnOrder) {
        returnOrder.text("external_return_order_id", true);
        returnOrder.text("external_order_id", true);
        returnOrder.time("return_create_time", true);
        returnOrder.integer("return_num", true, 1, MAX_INT);
        BigDecimal amount = returnOrder.money("return_amount", true);
        BigDecimal freight = returnOrder.money("return_freight_amount", true);
        BigDecimal total = returnOrder.money("return_order_amount", true);
        returnOrder.code("return_order_status", true, List.of("1290"));
        returnOrder.time("status_change_time", true);
        for (JsonFields goods : returnOrder.objects("return_goods_info", true)) {
            for (String name : List.of("external_sku_id", "sku_name_chinese", "external_spu_id",
                    "spu_name_chinese")) {
                goods.text(name, true);
            }
            goods.integer("is_gift", false, 0, 1);
            goods.money("return_goods_amount", true);
            goods.integer("return_goods_num", true, 1, MAX_INT);
        }
        if (amount != null && freight != null && total != null && total.compareTo(amount.add(freight)) != 0) {
            returnOrder.violation("return_order_amount", "must equal return_amount + return_freight_amount ("
                    + amount.toPlainString() + " + " + freight.toPlainString() + " = "
                    + amount.add(freight).toPlainString() + ", got " + total.toPlainString() + ")");
        }
    }

    private void validateDailyTotals(JsonFields totals) {
        Long refDate = totals.time("ref_date", true);
        if (refDate != null) {
            ZonedDateTime day = Instant.ofEpochMilli(refDate).atZone(zone);
            if (!day.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                totals.violation("ref_date", "must be the local midnight that starts the day in the merchant's zone "
                        + zone + " (got " + day.toOffsetDateTime() + "; the simulator's zone is set with"
                        + " YoushuSimulator.Builder.zone)");
            }
        }
        totals.money("give_order_amount_sum", true);
        totals.integer("give_order_num_sum", true, 0, MAX_INT);
        totals.money("payment_amount_sum", true);
        totals.integer("payed_num_sum", true, 0, MAX_INT);
    }

    /**
     * A field named like a phone number that is not a {@code sha256_*} field: a plain number must never be sent
     * (data-api.md §3).
     */
    private static void rejectPlainPhoneNumbers(JsonNode node, String path, List<String> errors) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                String fieldPath = path.isEmpty() ? name : path + "." + name;
                if (name.contains("phone") && !name.startsWith("sha256_")) {
                    errors.add(fieldPath + ": a plain phone number must never be sent; send sha256_" + name
                            + " (lowercase hex SHA-256 of the digits, data-api.md §3)");
                }
                rejectPlainPhoneNumbers(field.getValue(), fieldPath, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectPlainPhoneNumbers(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static BigDecimal addOrNull(BigDecimal sum, BigDecimal amount) {
        return sum == null || amount == null ? null : sum.add(amount);
    }

    /** The field that identifies an item of {@code endpoint}: the order id, return order id or {@code ref_date}. */
    static String idField(DataApiEndpoint endpoint) {
        return switch (endpoint) {
            case ADD_RETURN_ORDER -> "external_return_order_id";
            case ADD_ORDER_SUM -> "ref_date";
            default -> "external_order_id";
        };
    }

    /** The item's id ({@link #idField}) when it is a string, else {@code null}. */
    static String itemId(DataApiEndpoint endpoint, JsonNode item) {
        JsonNode id = item.isObject() ? item.get(idField(endpoint)) : null;
        return id != null && id.isTextual() ? id.asText() : null;
    }
}
