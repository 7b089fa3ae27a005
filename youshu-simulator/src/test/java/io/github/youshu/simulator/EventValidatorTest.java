package io.github.youshu.simulator;

import static io.github.youshu.simulator.Golden.REMOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTest {

    private static final String CUSTOM = "custom_order.json";
    private static final String COUPON = "coupon_order.json";

    private final EventValidator validator = new EventValidator();

    @ParameterizedTest
    @ValueSource(strings = {"custom_order.json", "custom_order.spec.json", "coupon_order.json", "coupon_order.spec.json"})
    void goldenEventsAreValid(String golden) {
        assertThat(validator.validate(Golden.load(golden), "")).isEmpty();
    }

    static Stream<Arguments> acceptedAlternatives() {
        return Stream.of(
                arguments(CUSTOM, "props.time", "\"1560409473714\""),
                arguments(CUSTOM, "props.order.order_time", "\"1560409473714\""),
                arguments(CUSTOM, "props.sub_orders[0].pay_amt", "\"9.00\""),
                arguments(CUSTOM, "props.sub_orders[0].order_amt", "\"0\""),
                arguments(CUSTOM, "props.sub_orders[0].pay_amt", "0"),
                arguments(CUSTOM, "props.sub_orders[0].pay_amt", "12"),
                arguments(CUSTOM, "props.sub_orders[0].pay_amt", "999999999999.99"),
                arguments(CUSTOM, "props.extra", "1.7976931348623157E308"),
                arguments(CUSTOM, "props.order.order_type", REMOVE),
                arguments(CUSTOM, "props.order.order_type", "\"presale_balance\""),
                arguments(CUSTOM, "from", REMOVE),
                arguments(CUSTOM, "tracking_id", "\"3f0c1c1e-8f4b-4a51-9a33-3b4e3c0e7e21\""),
                arguments(CUSTOM, "props.chan.chan_custom", "{}"),
                arguments(CUSTOM, "props.chan.chan_custom",
                        "{\"chan_custom_id\":\"a\",\"chan_custom_id_desc\":\"b\"}"),
                arguments(CUSTOM, "props.chan.chan_shop_id", REMOVE),
                arguments(CUSTOM, "props.wx_user.tag", "[{}]"),
                arguments(CUSTOM, "props.component", REMOVE),
                arguments(COUPON, "props.coupon.pay_amt", "\"9.00\""),
                arguments(COUPON, "props.coupon.order_time", "\"1560409473714\""));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource
    void acceptedAlternatives(String golden, String path, String value) {
        assertThat(validator.validate(Golden.with(golden, path, value), "")).isEmpty();
    }

    @Test
    void orderIsAcceptedAsAnAliasOfCouponInCouponOrder() {
        ObjectNode event = Golden.load(COUPON);
        ObjectNode props = (ObjectNode) event.get("props");
        props.set("order", props.remove("coupon"));

        assertThat(validator.validate(event, "")).isEmpty();
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                // envelope
                arguments(CUSTOM, "type", REMOVE, "type: is required"),
                arguments(CUSTOM, "type", "\" \"", "type: must not be blank"),
                arguments(CUSTOM, "type", "7", "type: must be a string"),
                arguments(CUSTOM, "from", "\"\"", "from: must not be blank"),
                arguments(CUSTOM, "tracking_id", "1", "tracking_id: must be a string"),
                arguments(CUSTOM, "props", REMOVE, "props: is required"),
                arguments(CUSTOM, "props", "[]", "props: must be a JSON object"),
                arguments(CUSTOM, "props.page_title", "null", "props.page_title: must not be null (omit the field instead)"),
                // common props
                arguments(CUSTOM, "props.page", REMOVE, "props.page: is required"),
                arguments(CUSTOM, "props.page", "\"\"", "props.page: must not be blank"),
                arguments(CUSTOM, "props.page", "\"/pages/product\"", "props.page: must not start with '/'"),
                arguments(CUSTOM, "props.page_title", "1", "props.page_title: must be a string"),
                arguments(CUSTOM, "props.sr_sdk_version", "1.1", "props.sr_sdk_version: must be a string"),
                arguments(CUSTOM, "props.time", REMOVE, "props.time: is required"),
                arguments(CUSTOM, "props.time", "1560409473",
                        "props.time: must be 13-digit epoch milliseconds (got 1560409473, looks like seconds)"),
                arguments(CUSTOM, "props.time", "\"1560409473\"",
                        "props.time: must be 13-digit epoch milliseconds (got '1560409473')"),
                arguments(CUSTOM, "props.time", "\"2019-06-13 15:04:33\"",
                        "props.time: must be 13-digit epoch milliseconds (got '2019-06-13 15:04:33')"),
                arguments(CUSTOM, "props.time", "1560409473714.5",
                        "props.time: must be 13-digit epoch milliseconds as an integer or a string of digits"),
                arguments(CUSTOM, "props.wx_user", REMOVE, "props.wx_user: is required"),
                arguments(CUSTOM, "props.wx_user.app_id", REMOVE, "props.wx_user.app_id: is required"),
                arguments(CUSTOM, "props.wx_user.open_id", "\"  \"", "props.wx_user.open_id: must not be blank"),
                arguments(CUSTOM, "props.wx_user.user_id", "548019854034", "props.wx_user.user_id: must be a string"),
                arguments(CUSTOM, "props.wx_user.tag", "{}", "props.wx_user.tag: must be a JSON array"),
                arguments(CUSTOM, "props.wx_user.tag[0].tag_name", REMOVE,
                        "props.wx_user.tag[0].tag_name: is required when tag_id is present"),
                arguments(CUSTOM, "props.wx_user.tag[0].tag_id", REMOVE,
                        "props.wx_user.tag[0].tag_id: is required when tag_name is present"),
                arguments(CUSTOM, "props.chan", REMOVE, "props.chan: is required"),
                arguments(CUSTOM, "props.chan.chan_wxapp_scene", REMOVE, "props.chan.chan_wxapp_scene: is required"),
                arguments(CUSTOM, "props.chan.chan_wxapp_scene", "\"1037\"",
                        "props.chan.chan_wxapp_scene: must be an integer, not a string"),
                arguments(CUSTOM, "props.chan.chan_wxapp_scene", "10.37",
                        "props.chan.chan_wxapp_scene: must be an integer"),
                arguments(CUSTOM, "props.chan.chan_shop_name", REMOVE,
                        "props.chan.chan_shop_name: is required when chan_shop_id is present"),
                arguments(CUSTOM, "props.chan.chan_custom.chan_custom_id", REMOVE,
                        "props.chan.chan_custom.chan_custom_id: is required when chan_custom is filled"),
                arguments(CUSTOM, "props.chan.chan_custom.chan_custom_id_desc", REMOVE,
                        "props.chan.chan_custom.chan_custom_id_desc: is required when chan_custom is filled"),
                arguments(CUSTOM, "props.chan.chan_custom.chan_custom_cat_3_desc", REMOVE,
                        "props.chan.chan_custom.chan_custom_cat_3_desc: is required when chan_custom_cat_3 is present"),
                arguments(CUSTOM, "props.chan.chan_custom.chan_custom_cat_2_desc", REMOVE,
                        "props.chan.chan_custom.chan_custom_cat_2_desc: is required when chan_custom_cat_2 is present"),
                arguments(CUSTOM, "props.chan.chan_custom.chan_custom_cat_1_desc", REMOVE,
                        "props.chan.chan_custom.chan_custom_cat_1_desc: is required when chan_custom_cat_1 is present"),
                arguments(CUSTOM, "props.chan.chan_custom.chan_custom_cat_2", REMOVE,
                        "props.chan.chan_custom.chan_custom_cat_2: is required when chan_custom_cat_1 is present"),
                arguments(CUSTOM, "props.chan.chan_custom", "\"mp\"", "props.chan.chan_custom: must be a JSON object"),
                arguments(CUSTOM, "props.component.component_id", "5",
                        "props.component.component_id: must be a string"),
                // custom_order
                arguments(CUSTOM, "props.order", REMOVE, "props.order: is required"),
                arguments(CUSTOM, "props.order.order_id", REMOVE, "props.order.order_id: is required"),
                arguments(CUSTOM, "props.order.order_id", "\"\"", "props.order.order_id: must not be blank"),
                arguments(CUSTOM, "props.order.order_id", "1001", "props.order.order_id: must be a string"),
                arguments(CUSTOM, "props.order.order_time", REMOVE, "props.order.order_time: is required"),
                arguments(CUSTOM, "props.order.order_time", "1560409473",
                        "props.order.order_time: must be 13-digit epoch milliseconds (got 1560409473, looks like seconds)"),
                arguments(CUSTOM, "props.order.order_status", REMOVE, "props.order.order_status: is required"),
                arguments(CUSTOM, "props.order.order_status", "\"paid\"", "props.order.order_status: must be one of"
                        + " [give_order, cancel_pay, cancel_give_order, pay, payed, refund] (got 'paid')"),
                arguments(CUSTOM, "props.order.order_type", "\"presale\"", "props.order.order_type: must be one of"
                        + " [normal, presale_deposit, presale_balance] (got 'presale')"),
                arguments(CUSTOM, "props.sub_orders", REMOVE, "props.sub_orders: is required"),
                arguments(CUSTOM, "props.sub_orders", "[]", "props.sub_orders: must not be empty"),
                arguments(CUSTOM, "props.sub_orders", "{}", "props.sub_orders: must be a JSON array"),
                arguments(CUSTOM, "props.sub_orders[0]", "\"x\"", "props.sub_orders[0]: must be a JSON object"),
                arguments(CUSTOM, "props.sub_orders[0].sub_order_id", REMOVE,
                        "props.sub_orders[0].sub_order_id: is required"),
                arguments(CUSTOM, "props.sub_orders[0].order_amt", REMOVE, "props.sub_orders[0].order_amt: is required"),
                arguments(CUSTOM, "props.sub_orders[0].pay_amt", REMOVE, "props.sub_orders[0].pay_amt: is required"),
                arguments(CUSTOM, "props.sub_orders[0].pay_amt", "-0.01", "props.sub_orders[0].pay_amt: must be >= 0"),
                arguments(CUSTOM, "props.sub_orders[0].pay_amt", "\"-1\"", "props.sub_orders[0].pay_amt: must be >= 0"),
                arguments(CUSTOM, "props.sub_orders[0].order_amt", "30.305",
                        "props.sub_orders[0].order_amt: must have at most 2 decimal places (got 30.305)"),
                arguments(CUSTOM, "props.sub_orders[0].order_amt", "\"9.000\"",
                        "props.sub_orders[0].order_amt: must have at most 2 decimal places (got 9.000)"),
                arguments(CUSTOM, "props.sub_orders[0].pay_amt", "1000000000000",
                        "props.sub_orders[0].pay_amt: must be at most 999999999999.99 yuan"),
                arguments(CUSTOM, "props.sub_orders[0].order_amt", "1E+300",
                        "props.sub_orders[0].order_amt: must be at most 999999999999.99 yuan"),
                arguments(CUSTOM, "props.extra", "-1E+400",
                        "props.extra: must be within the range of a double (|x| <= 1.7976931348623157E308)"),
                arguments(CUSTOM, "props.sub_orders[0].pay_amt", "\"9,00\"",
                        "props.sub_orders[0].pay_amt: must be a number (yuan) or a numeric string"),
                arguments(CUSTOM, "props.sub_orders[0].pay_amt", "true",
                        "props.sub_orders[0].pay_amt: must be a number (yuan) or a numeric string"),
                // coupon_order
                arguments(COUPON, "props.coupon", REMOVE, "props.coupon: is required"),
                arguments(COUPON, "props.coupon.order_id", REMOVE, "props.coupon.order_id: is required"),
                arguments(COUPON, "props.coupon.order_time", REMOVE, "props.coupon.order_time: is required"),
                arguments(COUPON, "props.coupon.order_time", "\"156040947371\"",
                        "props.coupon.order_time: must be 13-digit epoch milliseconds (got '156040947371')"),
                arguments(COUPON, "props.coupon.order_status", "\"done\"", "props.coupon.order_status: must be one of"
                        + " [give_order, cancel_pay, cancel_give_order, pay, payed, refund] (got 'done')"),
                arguments(COUPON, "props.coupon.coupon_batch_id", REMOVE, "props.coupon.coupon_batch_id: is required"),
                arguments(COUPON, "props.coupon.coupon_batch_id", "\"\"",
                        "props.coupon.coupon_batch_id: must not be blank"),
                arguments(COUPON, "props.coupon.pay_amt", REMOVE, "props.coupon.pay_amt: is required"),
                arguments(COUPON, "props.coupon.pay_amt", "-9.00", "props.coupon.pay_amt: must be >= 0"),
                arguments(COUPON, "props.coupon.pay_amt", "9.001",
                        "props.coupon.pay_amt: must have at most 2 decimal places (got 9.001)"),
                arguments(COUPON, "props.coupon_info", REMOVE, "props.coupon_info: is required"),
                arguments(COUPON, "props.coupon_info", "[]", "props.coupon_info: must not be empty"),
                arguments(COUPON, "props.coupon_info[0].coupon_id", REMOVE, "props.coupon_info[0].coupon_id: is required"),
                arguments(COUPON, "props.coupon_info[0].coupon_id", "\" \"",
                        "props.coupon_info[0].coupon_id: must not be blank"),
                arguments(COUPON, "props.order", "{\"order_id\":\"x\"}",
                        "props.order: must not be sent together with coupon (order is only an alias of coupon)"),
                // common props are checked for coupon_order too
                arguments(COUPON, "props.page", "\"/pages/coupon\"", "props.page: must not start with '/'"));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource
    void violations(String golden, String path, String value, String expected) {
        assertThat(validator.validate(Golden.with(golden, path, value), "")).containsExactly(expected);
    }

    @Test
    void aChanCustomLevelIsRequiredByEveryHigherLevel() {
        ObjectNode event = Golden.with(CUSTOM, "props.chan.chan_custom.chan_custom_cat_3", REMOVE);

        assertThat(validator.validate(event, "")).containsExactly(
                "props.chan.chan_custom.chan_custom_cat_3: is required when chan_custom_cat_2 is present",
                "props.chan.chan_custom.chan_custom_cat_3: is required when chan_custom_cat_1 is present");
    }

    @Test
    void anyChanCustomFieldRequiresTheLevel4IdAndDescription() {
        ObjectNode event = Golden.with(CUSTOM, "props.chan.chan_custom",
                "{\"chan_custom_cat_3\":\"mp-article\",\"chan_custom_cat_3_desc\":\"公众号文章\"}");

        assertThat(validator.validate(event, "")).containsExactly(
                "props.chan.chan_custom.chan_custom_id: is required when chan_custom is filled",
                "props.chan.chan_custom.chan_custom_id_desc: is required when chan_custom is filled");
    }

    @Test
    void aliasOrderIsValidatedUnderItsOwnPath() {
        ObjectNode event = Golden.load("coupon_order.spec.json");
        Golden.set(event, "props.order.pay_amt", "\"-9.00\"");

        assertThat(validator.validate(event, "")).containsExactly("props.order.pay_amt: must be >= 0");
    }

    @Test
    void everyViolationIsReportedWithTheEventPathPrefix() {
        ObjectNode event = Golden.load(CUSTOM);
        Golden.set(event, "props.page", "\"/index\"");
        Golden.set(event, "props.sub_orders[0].pay_amt", "-1");
        Golden.set(event, "props.wx_user.open_id", REMOVE);

        assertThat(validator.validate(event, "[1]")).containsExactly(
                "[1].props.page: must not start with '/'",
                "[1].props.wx_user.open_id: is required",
                "[1].props.sub_orders[0].pay_amt: must be >= 0");
    }

    @Test
    void otherEventTypesGetTheCommonChecksOnly() {
        ObjectNode event = Golden.load(CUSTOM);
        event.put("type", "browse_wxapp_page");
        ObjectNode props = (ObjectNode) event.get("props");
        props.remove("order");
        props.remove("sub_orders");

        assertThat(validator.validate(event, "")).isEmpty();

        props.put("page", "/pages/index");
        props.remove("chan");
        assertThat(validator.validate(event, "")).containsExactly(
                "props.page: must not start with '/'", "props.chan: is required");
    }

    @Test
    void aNonObjectEventIsRefused() {
        assertThat(validator.validate(Golden.parse("[1]"), "[2]")).containsExactly("[2]: must be a JSON object");
        assertThat(validator.validate(Golden.parse("\"event\""), "")).containsExactly("$: must be a JSON object");
    }

    @Test
    void nullsAreReportedOnceEach() {
        ObjectNode event = Golden.load(CUSTOM);
        Golden.set(event, "props.order.order_id", "null");
        Golden.set(event, "props.sub_orders[0]", "null");

        assertThat(validator.validate(event, "")).containsExactly(
                "props.order.order_id: must not be null (omit the field instead)",
                "props.sub_orders[0]: must not be null");
    }
}
