package io.github.youshu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator's own data-api checks (data-api.md §3–§7): the golden bodies pass; each required, conditional
 * and typed field and each §6 amount rule fails with its JSON path.
 */
class DataApiValidatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final DataApiValidator validator = new DataApiValidator(SHANGHAI, false);

    /** Envelope errors and every item's errors and warnings, as the handler collects them. */
    private record Result(List<String> errors, List<String> warnings) {
    }

    private static Result validate(DataApiValidator validator, DataApiEndpoint endpoint, JsonNode body) {
        List<String> errors = new ArrayList<>(validator.validateEnvelope(body, endpoint));
        List<String> warnings = new ArrayList<>();
        if (errors.isEmpty()) {
            JsonNode items = body.get(endpoint.listKey());
            for (int i = 0; i < items.size(); i++) {
                DataApiValidator.Verdict verdict = validator.validateItem(endpoint, items.get(i), "orders[" + i + "]");
                errors.addAll(verdict.errors());
                warnings.addAll(verdict.warnings());
            }
        }
        return new Result(errors, warnings);
    }

    private Result validate(String golden, String path, String value) {
        return validate(validator, endpointOf(golden), Golden.with("data-api/" + golden, path, value));
    }

    private static DataApiEndpoint endpointOf(String golden) {
        return switch (golden) {
            case "add_order.json" -> DataApiEndpoint.ADD_ORDER;
            case "order_update.json" -> DataApiEndpoint.UPDATE_ORDER;
            case "return_order.json" -> DataApiEndpoint.ADD_RETURN_ORDER;
            case "add_order_sum.json" -> DataApiEndpoint.ADD_ORDER_SUM;
            default -> throw new IllegalArgumentException(golden);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"add_order.json", "order_update.json", "return_order.json", "add_order_sum.json"})
    void theGoldenBodiesPassWithoutWarnings(String golden) {
        Result result = validate(validator, endpointOf(golden), Golden.load("data-api/" + golden));

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            add_order.json | dataSourceId | <remove> | dataSourceId: is required
            add_order.json | dataSourceId | 10001 | dataSourceId: must be a string
            add_order.json | dataSourceId | "" | dataSourceId: must not be blank
            add_order.json | orders | <remove> | orders: is required
            add_order.json | orders | {} | orders: must be a JSON array
            add_order.json | orders | [] | orders: must not be empty
            add_order.json | orders[0] | "x" | orders[0]: must be a JSON object
            add_order.json | orders[0].external_order_id | <remove> | orders[0].external_order_id: is required
            add_order.json | orders[0].external_order_id | "" | orders[0].external_order_id: must not be blank
            add_order.json | orders[0].external_order_id | 1 | orders[0].external_order_id: must be a string
            add_order.json | orders[0].create_time | <remove> | orders[0].create_time: is required
            add_order.json | orders[0].create_time | 1700000000000 | orders[0].create_time: must be a string of 13 digits (epoch milliseconds), e.g. "1700000000000", not a number
            add_order.json | orders[0].create_time | "1700000000" | orders[0].create_time: must be a string of 13 digits (epoch milliseconds) (got '1700000000')
            add_order.json | orders[0].order_source | <remove> | orders[0].order_source: is required
            add_order.json | orders[0].order_source | "miniprogram" | orders[0].order_source: must be one of [wxapp, app, mobileweb, pcweb, offstore_pos_manual, offstore_pos_self_help, other]
            add_order.json | orders[0].order_type | <remove> | orders[0].order_type: is required
            add_order.json | orders[0].order_type | 9 | orders[0].order_type: must be <= 8 (got 9)
            add_order.json | orders[0].order_type | 0 | orders[0].order_type: must be >= 1 (got 0)
            add_order.json | orders[0].order_type | "1" | orders[0].order_type: must be an integer, not a string
            add_order.json | orders[0].order_status | <remove> | orders[0].order_status: is required
            add_order.json | orders[0].order_status | "1170" | orders[0].order_status: must be one of [1110, 1130, 1140, 1150, 1160, 1180, 1280, 1290] (got '1170')
            add_order.json | orders[0].order_status | 1150 | orders[0].order_status: must be a string
            add_order.json | orders[0].status_change_time | <remove> | orders[0].status_change_time: is required
            add_order.json | orders[0].goods_num_total | <remove> | orders[0].goods_num_total: is required
            add_order.json | orders[0].goods_num_total | 0 | orders[0].goods_num_total: must be >= 1 (got 0)
            add_order.json | orders[0].goods_amount_total | <remove> | orders[0].goods_amount_total: is required
            add_order.json | orders[0].freight_amount | <remove> | orders[0].freight_amount: is required
            add_order.json | orders[0].freight_amount | -8.00 | orders[0].freight_amount: must be >= 0 (got -8.00)
            add_order.json | orders[0].order_amount | <remove> | orders[0].order_amount: is required
            add_order.json | orders[0].payable_amount | <remove> | orders[0].payable_amount: is required
            add_order.json | orders[0].payment_amount | <remove> | orders[0].payment_amount: is required
            add_order.json | orders[0].payment_amount | 145.900 | orders[0].payment_amount: must have at most 2 decimal places (got 145.900)
            add_order.json | orders[0].payment_amount | "145.90" | orders[0].payment_amount: must be a JSON number of yuan, not a string
            add_order.json | orders[0].brand_name | null | orders[0].brand_name: must not be null (omit the field instead)
            add_order.json | orders[0].brand_id | 5 | orders[0].brand_id: must be a string
            add_order.json | orders[0].is_deleted | 2 | orders[0].is_deleted: must be <= 1 (got 2)
            add_order.json | orders[0].goods_weight | -1 | orders[0].goods_weight: must be a JSON number >= 0
            add_order.json | orders[0].points_total | "10" | orders[0].points_total: must be a JSON number >= 0
            add_order.json | orders[0].sub_mchid | 1 | orders[0].sub_mchid: must be a string
            add_order.json | orders[0].user_info | <remove> | orders[0].user_info: is required
            add_order.json | orders[0].user_info | [] | orders[0].user_info: must be a JSON object
            add_order.json | orders[0].user_info.open_id | <remove> | orders[0].user_info.open_id: is required when order_source is wxapp
            add_order.json | orders[0].user_info.union_id | 1 | orders[0].user_info.union_id: must be a string
            add_order.json | orders[0].user_info.user_first_order_time | "2023-11-15" | orders[0].user_info.user_first_order_time: must be a string of 13 digits
            add_order.json | orders[0].user_info.sha256_user_phone | "13800138000" | orders[0].user_info.sha256_user_phone: must be the lowercase hex SHA-256 of the phone number's digits
            add_order.json | orders[0].user_info.user_phone | "13800138000" | orders[0].user_info.user_phone: a plain phone number must never be sent; send sha256_user_phone
            add_order.json | orders[0].goods_info | <remove> | orders[0].goods_info: is required
            add_order.json | orders[0].goods_info | [] | orders[0].goods_info: must not be empty
            add_order.json | orders[0].goods_info[1] | null | orders[0].goods_info[1]: must be a JSON object, not null
            add_order.json | orders[0].goods_info[1].goods_num | 0 | orders[0].goods_info[1].goods_num: must be >= 1 (got 0)
            add_order.json | orders[0].goods_info[1].goods_num | <remove> | orders[0].goods_info[1].goods_num: is required
            add_order.json | orders[0].goods_info[0].external_sku_id | <remove> | orders[0].goods_info[0].external_sku_id: is required
            add_order.json | orders[0].goods_info[0].sku_name_chinese | <remove> | orders[0].goods_info[0].sku_name_chinese: is required
            add_order.json | orders[0].goods_info[0].external_spu_id | <remove> | orders[0].goods_info[0].external_spu_id: is required
            add_order.json | orders[0].goods_info[0].spu_name_chinese | <remove> | orders[0].goods_info[0].spu_name_chinese: is required
            add_order.json | orders[0].goods_info[0].goods_amount | <remove> | orders[0].goods_info[0].goods_amount: is required
            add_order.json | orders[0].goods_info[0].payment_amount | <remove> | orders[0].goods_info[0].payment_amount: is required
            add_order.json | orders[0].goods_info[0].payment_amount | 103.055 | orders[0].goods_info[0].payment_amount: must have at most 2 decimal places
            add_order.json | orders[0].goods_info[0].is_gift | 2 | orders[0].goods_info[0].is_gift: must be <= 1 (got 2)
            add_order.json | orders[0].goods_info[0].category_id | 7 | orders[0].goods_info[0].category_id: must be a string
            add_order.json | orders[0].goods_info[0].store_info | "S1" | orders[0].goods_info[0].store_info: must be a JSON object
            add_order.json | orders[0].goods_info[0].store_info | {"store_city": 1} | orders[0].goods_info[0].store_info.store_city: must be a string
            add_order.json | orders[0].goods_info[0].chan_info | [{"chan_wxapp": {"chan_scene": 1037}}] | orders[0].goods_info[0].chan_info[0].chan_wxapp.chan_scene: must be a string
            add_order.json | orders[0].goods_info[0].chan_info | [{"chan_custom": {"chan_custom_cat_3": "mp"}}] | orders[0].goods_info[0].chan_info[0].chan_custom.chan_custom_id: is required when chan_custom is filled
            add_order.json | orders[0].goods_info[0].chan_info | [{"chan_custom": {"chan_custom_id": "a", "chan_custom_id_desc": "b", "chan_custom_cat_2": "x"}}] | orders[0].goods_info[0].chan_info[0].chan_custom.chan_custom_cat_2_desc: is required when chan_custom_cat_2 is present
            add_order.json | orders[0].goods_info[0].chan_info | [{"chan_custom": {"chan_custom_id": "a", "chan_custom_id_desc": "b", "chan_custom_cat_2": "x", "chan_custom_cat_2_desc": "y"}}] | orders[0].goods_info[0].chan_info[0].chan_custom.chan_custom_cat_3: is required when chan_custom_cat_2 is present
            add_order.json | orders[0].goods_info[0].commission_info | [{"commission_type": 3, "commission_fee": 1.00}] | orders[0].goods_info[0].commission_info[0].commission_type: must be <= 2 (got 3)
            add_order.json | orders[0].goods_info[0].commission_info | [{"commission_type": 1}] | orders[0].goods_info[0].commission_info[0].commission_fee: is required
            add_order.json | orders[0].payment_info | <remove> | orders[0].payment_info: is required unless order_status is 1110
            add_order.json | orders[0].payment_info | [] | orders[0].payment_info: must not be empty unless order_status is 1110
            add_order.json | orders[0].payment_info[0].payment_type | <remove> | orders[0].payment_info[0].payment_type: is required
            add_order.json | orders[0].payment_info[0].payment_type | 9 | orders[0].payment_info[0].payment_type: must be a string
            add_order.json | orders[0].payment_info[0].trans_amount | <remove> | orders[0].payment_info[0].trans_amount: is required
            add_order.json | orders[0].coupon_info[0].coupon_type | 3 | orders[0].coupon_info[0].coupon_type: must be <= 2 (got 3)
            add_order.json | orders[0].coupon_info[0].coupon_type | <remove> | orders[0].coupon_info[0].coupon_type: is required
            add_order.json | orders[0].coupon_info[0].coupon_amount_total | <remove> | orders[0].coupon_info[0].coupon_amount_total: is required
            add_order.json | orders[0].coupon_info[0].coupon_detail[0].coupon_amount | <remove> | orders[0].coupon_info[0].coupon_detail[0].coupon_amount: is required
            add_order.json | orders[0].promotion_info | [{"promotion_detail": []}] | orders[0].promotion_info[0].promotion_type: is required
            add_order.json | orders[0].promotion_info | [{"promotion_type": 1, "promotion_detail": [{"promotion_name": "x"}]}] | orders[0].promotion_info[0].promotion_detail[0].promotion_amount: is required
            add_order.json | orders[0].promotion_info | [{"promotion_type": 2, "promotion_amount": -1}] | orders[0].promotion_info[0].promotion_amount: must be >= 0
            add_order.json | orders[0].express_info | [] | orders[0].express_info: must be a JSON object
            add_order.json | orders[0].express_info | {"logistics_status": true} | orders[0].express_info.logistics_status: must be a string or an integer
            add_order.json | orders[0].express_info | {"expected_delivery_date": "20231332"} | orders[0].express_info.expected_delivery_date: must be a real date YYYYMMDD
            add_order.json | orders[0].express_info | {"expected_delivery_date": "2023-11-15"} | orders[0].express_info.expected_delivery_date: must be a date YYYYMMDD
            add_order.json | orders[0].express_info | {"expected_delivery_time": "morning"} | orders[0].express_info.expected_delivery_time: must be a time range such as "9:00-12:00"
            add_order.json | orders[0].express_info | {"goods_total_weight": -5} | orders[0].express_info.goods_total_weight: must be a JSON number >= 0
            add_order.json | orders[0].express_info | {"sha256_receiver_phone": "138"} | orders[0].express_info.sha256_receiver_phone: must be the lowercase hex SHA-256
            add_order.json | orders[0].express_info | {"receiver_phone": "13800138000"} | orders[0].express_info.receiver_phone: a plain phone number must never be sent
            add_order.json | orders[0].express_info | {"express_package_info": [{"ship_time": 1700000000000}]} | orders[0].express_info.express_package_info[0].ship_time: must be a string of 13 digits
            add_order.json | orders[0].express_info | {"express_package_info": [{"express_page": {"miniprogram_path": "pages/x"}}]} | orders[0].express_info.express_package_info[0].express_page.miniprogram_appid: is required when miniprogram_path is present
            add_order.json | orders[0].express_info | {"express_package_info": [{"express_package_info": [{"number": 1}]}]} | orders[0].express_info.express_package_info[0].express_package_info[0].external_sku_id: is required
            add_order.json | orders[0].express_info | {"express_package_info": [{"express_package_info": [{"external_sku_id": "A", "number": 0}]}]} | orders[0].express_info.express_package_info[0].express_package_info[0].number: must be >= 1 (got 0)
            add_order.json | orders[0].invoice_info | [{"invoice_type": "2000"}] | orders[0].invoice_info[0].invoice_type: must be one of [1000, 1001, 1002, 1003, 1004, 1005, 1006]
            add_order.json | orders[0].invoice_info | [{"if_need_invoice": "yes"}] | orders[0].invoice_info[0].if_need_invoice: must be true or false
            add_order.json | orders[0].invoice_info | [{"sha256_registry_phone": "13800138000"}] | orders[0].invoice_info[0].sha256_registry_phone: must be the lowercase hex SHA-256
            add_order.json | orders[0].invoice_info | [{"sha256_invoice_delivery_phone": "ABC"}] | orders[0].invoice_info[0].sha256_invoice_delivery_phone: must be the lowercase hex SHA-256
            add_order.json | orders[0].invoice_info | [{"invoice_title": 1}] | orders[0].invoice_info[0].invoice_title: must be a string
            add_order.json | orders[0].order_amount | 165.00 | orders[0].order_amount: must equal goods_amount_total + freight_amount (157.90 + 8.00 = 165.90, got 165.00)
            add_order.json | orders[0].payable_amount | 170.00 | orders[0].payable_amount: must be <= order_amount (170.00 > 165.90)
            add_order.json | orders[0].payment_amount | 150.00 | orders[0].payment_amount: must be <= payable_amount (150.00 > 145.90)
            order_update.json | orders[0].external_order_id | <remove> | orders[0].external_order_id: is required
            order_update.json | orders[0].order_status | <remove> | orders[0].order_status: is required
            order_update.json | orders[0].order_status | "9999" | orders[0].order_status: must be one of
            order_update.json | orders[0].status_change_time | <remove> | orders[0].status_change_time: is required
            order_update.json | orders[0].status_change_time | 1700000900000 | orders[0].status_change_time: must be a string of 13 digits
            return_order.json | orders[0].external_return_order_id | <remove> | orders[0].external_return_order_id: is required
            return_order.json | orders[0].external_order_id | <remove> | orders[0].external_order_id: is required
            return_order.json | orders[0].return_create_time | <remove> | orders[0].return_create_time: is required
            return_order.json | orders[0].return_num | <remove> | orders[0].return_num: is required
            return_order.json | orders[0].return_num | 0 | orders[0].return_num: must be >= 1 (got 0)
            return_order.json | orders[0].return_amount | <remove> | orders[0].return_amount: is required
            return_order.json | orders[0].return_freight_amount | <remove> | orders[0].return_freight_amount: is required
            return_order.json | orders[0].return_order_amount | <remove> | orders[0].return_order_amount: is required
            return_order.json | orders[0].return_order_amount | 30.00 | orders[0].return_order_amount: must equal return_amount + return_freight_amount (34.85 + 0 = 34.85, got 30.00)
            return_order.json | orders[0].return_order_status | <remove> | orders[0].return_order_status: is required
            return_order.json | orders[0].return_order_status | "1280" | orders[0].return_order_status: must be one of [1290] (got '1280')
            return_order.json | orders[0].status_change_time | <remove> | orders[0].status_change_time: is required
            return_order.json | orders[0].return_goods_info | <remove> | orders[0].return_goods_info: is required
            return_order.json | orders[0].return_goods_info | [] | orders[0].return_goods_info: must not be empty
            return_order.json | orders[0].return_goods_info[0].external_sku_id | <remove> | orders[0].return_goods_info[0].external_sku_id: is required
            return_order.json | orders[0].return_goods_info[0].sku_name_chinese | <remove> | orders[0].return_goods_info[0].sku_name_chinese: is required
            return_order.json | orders[0].return_goods_info[0].external_spu_id | <remove> | orders[0].return_goods_info[0].external_spu_id: is required
            return_order.json | orders[0].return_goods_info[0].spu_name_chinese | <remove> | orders[0].return_goods_info[0].spu_name_chinese: is required
            return_order.json | orders[0].return_goods_info[0].return_goods_amount | <remove> | orders[0].return_goods_info[0].return_goods_amount: is required
            return_order.json | orders[0].return_goods_info[0].return_goods_num | 0 | orders[0].return_goods_info[0].return_goods_num: must be >= 1 (got 0)
            return_order.json | orders[0].return_goods_info[0].is_gift | 5 | orders[0].return_goods_info[0].is_gift: must be <= 1 (got 5)
            add_order_sum.json | orders[0].ref_date | <remove> | orders[0].ref_date: is required
            add_order_sum.json | orders[0].ref_date | "1699980000000" | orders[0].ref_date: must be the local midnight that starts the day in the merchant's zone Asia/Shanghai (got 2023-11-15T00:40+08:00
            add_order_sum.json | orders[0].give_order_amount_sum | <remove> | orders[0].give_order_amount_sum: is required
            add_order_sum.json | orders[0].give_order_num_sum | <remove> | orders[0].give_order_num_sum: is required
            add_order_sum.json | orders[0].give_order_num_sum | -1 | orders[0].give_order_num_sum: must be >= 0 (got -1)
            add_order_sum.json | orders[0].payment_amount_sum | <remove> | orders[0].payment_amount_sum: is required
            add_order_sum.json | orders[0].payed_num_sum | <remove> | orders[0].payed_num_sum: is required
            add_order_sum.json | orders[0].payed_num_sum | 1.5 | orders[0].payed_num_sum: must be an integer
            """)
    void refusesAndNamesThePath(String golden, String path, String value, String expected) {
        Result result = validate(golden, path, value);

        assertThat(result.errors()).as("errors").anySatisfy(error -> assertThat(error).startsWith(expected));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            add_order.json | orders[0].order_status | "1110" | payment_info may be absent while awaiting payment
            add_order.json | orders[0].order_source | "app" | open_id is required only for wxapp
            add_order.json | orders[0].user_info.sha256_user_phone | "a5e1ea0f7c6c2f5f8b81f9d6d7a3b8d3c0c2a5f0e4b3a2d1c0b9a8f7e6d5c4b3" | a hashed phone number
            add_order.json | orders[0].promotion_info | [{"promotion_type": 1, "promotion_detail": [{"external_promotion_id": "P1", "promotion_name": "会员价", "promotion_amount": 5.00}]}] | the newer promotion shape
            add_order.json | orders[0].promotion_info | [{"promotion_type": 2, "external_promotion_id": "P1", "promotion_name": "x", "promotion_amount": 5.00}] | the older flat promotion shape
            add_order.json | orders[0].express_info | {"logistics_status": 1, "goods_total_weight": 500, "receiver_name": "张三", "expected_delivery_time": "9:00-12:00", "expected_delivery_date": "20231116", "express_package_info": [{"express_company_code": "SF", "express_code": "SF1", "ship_time": "1700003600000", "express_page": {"miniprogram_path": "pages/x", "miniprogram_appid": "wx1"}, "express_package_info": [{"external_sku_id": "SKU-A", "number": 2}]}]} | a full express
            add_order.json | orders[0].invoice_info | [{"if_need_invoice": true, "invoice_type": "1001", "invoice_title": "公司"}] | an invoice
            add_order.json | orders[0].goods_info[0].chan_info | [{"chan_wxapp": {"chan_scene": "1037"}, "chan_custom": {"chan_custom_id": "a", "chan_custom_id_desc": "b", "chan_custom_cat_3": "mp", "chan_custom_cat_3_desc": "公众号"}, "chan_id": "11"}] | a channel
            add_order.json | orders[0].freight_amount | 8 | an integer amount
            return_order.json | orders[0].return_goods_info[0].is_gift | <remove> | is_gift is optional
            """)
    void acceptsTheAllowedVariants(String golden, String path, String value, String why) {
        Result result = validate(golden, path, value);

        assertThat(result.errors()).as(why).isEmpty();
    }

    @Test
    void refusesMoreThanFiftyItems() {
        ObjectNode body = Golden.load("data-api/order_update.json");
        ArrayNode orders = (ArrayNode) body.get("orders");
        while (orders.size() < 51) {
            orders.add(orders.get(0).deepCopy());
        }

        assertThat(validate(validator, DataApiEndpoint.UPDATE_ORDER, body).errors())
                .containsExactly("orders: must have at most 50 items (got 51); split the batch");
        orders.remove(50);
        assertThat(validate(validator, DataApiEndpoint.UPDATE_ORDER, body).errors()).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotAnEnvelope() {
        assertThat(validate(validator, DataApiEndpoint.ADD_ORDER, Golden.parse("[]")).errors())
                .containsExactly("$: must be a JSON object {\"dataSourceId\": \"..\", \"orders\": [..]}");
    }

    @Test
    void theSumRulesAreWarningsByDefault() {
        ObjectNode body = Golden.load("data-api/add_order.json");
        Golden.set(body, "orders[0].goods_num_total", "4");
        Golden.set(body, "orders[0].payment_info[0].trans_amount", "140.00");
        Golden.set(body, "orders[0].coupon_info[0].coupon_amount_total", "25.00");

        Result result = validate(validator, DataApiEndpoint.ADD_ORDER, body);

        assertThat(result.errors()).isEmpty();
        List<String> expected = List.of(
                "orders[0].goods_num_total: should equal the sum of goods_info[].goods_num (3), got 4",
                "orders[0].payment_info: the sum of trans_amount (140.00) should equal payment_amount (145.90)",
                "orders[0].coupon_info[0].coupon_amount_total: should equal the sum of coupon_detail[].coupon_amount"
                        + " (20.00), got 25.00");
        assertThat(result.warnings()).containsExactlyInAnyOrderElementsOf(expected);

        Result strict = validate(new DataApiValidator(SHANGHAI, true), DataApiEndpoint.ADD_ORDER, body);
        assertThat(strict.errors()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(strict.warnings()).isEmpty();
    }

    @Test
    void refDateIsCheckedInTheConfiguredZone() {
        JsonNode body = Golden.load("data-api/add_order_sum.json");

        assertThat(validate(new DataApiValidator(ZoneId.of("UTC"), false), DataApiEndpoint.ADD_ORDER_SUM, body)
                .errors()).singleElement().asString().startsWith("orders[0].ref_date: must be the local midnight")
                .contains("zone UTC (got 2023-11-14T16:00Z");
    }

    @Test
    void reportsEveryViolationOfAnItem() {
        ObjectNode body = Golden.load("data-api/add_order.json");
        Golden.set(body, "orders[0].goods_info[1].goods_num", "0");
        Golden.set(body, "orders[0].order_type", Golden.REMOVE);

        assertThat(validate(validator, DataApiEndpoint.ADD_ORDER, body).errors())
                .contains("orders[0].goods_info[1].goods_num: must be >= 1 (got 0)", "orders[0].order_type: is required");
    }
}
