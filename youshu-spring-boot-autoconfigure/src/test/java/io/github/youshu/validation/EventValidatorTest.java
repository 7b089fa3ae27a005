package io.github.youshu.validation;

import io.github.youshu.event.Chan;
import io.github.youshu.event.ChanCustom;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.CouponOrder;
import io.github.youshu.event.CouponOrderProps;
import io.github.youshu.event.CustomOrder;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.GenericProps;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.SpecExamples;
import io.github.youshu.event.SubOrder;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.YoushuEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventValidatorTest {

    private final EventValidator validator = new EventValidator();

    /**
     * One rule of wire-contract.md: an event that keeps it, one that breaks it, and the violations
     * the broken one must get (as {@code path: message}).
     */
    record Rule(String name, YoushuEvent passing, YoushuEvent failing, List<String> expected) {
        Rule(String name, YoushuEvent passing, YoushuEvent failing, String... expected) {
            this(name, passing, failing, List.of(expected));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"envelopeRules", "commonRules", "chanCustomRules", "customOrderRules", "couponOrderRules"})
    void passingEventHasNoViolationAndFailingOneHasExactlyTheRulesViolations(Rule rule) {
        assertThat(validator.validate(rule.passing())).as("passing case").isEmpty();
        assertThat(validator.validate(rule.failing())).as("failing case")
                .extracting(Violation::toString)
                .containsExactlyElementsOf(rule.expected());
    }

    static Stream<Rule> envelopeRules() {
        return Stream.of(
                new Rule("type is required", generic(),
                        new YoushuEvent(null, "shop", null, generic().props()), "type: is required"),
                new Rule("type is not blank", generic(),
                        new YoushuEvent(" ", "shop", null, generic().props()), "type: must not be blank"),
                new Rule("from is required", SpecExamples.customOrder(),
                        SpecExamples.customOrder().withFrom(null), "from: is required"),
                new Rule("from is not blank", SpecExamples.couponOrder(),
                        SpecExamples.couponOrder().withFrom(""), "from: must not be blank"),
                new Rule("custom_order needs CustomOrderProps", SpecExamples.customOrder(),
                        new YoushuEvent("custom_order", "shop", null, generic().props()),
                        "props: must be CustomOrderProps for type custom_order"),
                new Rule("coupon_order needs CouponOrderProps", SpecExamples.couponOrder(),
                        new YoushuEvent("coupon_order", "shop", null, generic().props()),
                        "props: must be CouponOrderProps for type coupon_order"),
                new Rule("CustomOrderProps need type custom_order", SpecExamples.customOrder(),
                        new YoushuEvent("add_to_cart", "shop", null, SpecExamples.customOrder().props()),
                        "type: must be custom_order for CustomOrderProps"),
                new Rule("CouponOrderProps need type coupon_order", SpecExamples.couponOrder(),
                        new YoushuEvent("custom_order", "shop", null, SpecExamples.couponOrder().props()),
                        "type: must be coupon_order for CouponOrderProps"));
    }

    static Stream<Rule> commonRules() {
        return Stream.of(
                new Rule("page is required", generic(), common(c -> c.page(null)), "props.page: is required"),
                new Rule("page is not blank", common(c -> c.page("pages/index")), common(c -> c.page("  ")),
                        "props.page: must not be blank"),
                new Rule("page has no leading slash", common(c -> c.page("pages/a?b=/c")), common(c -> c.page("/pages/index")),
                        "props.page: must not start with '/'"),
                new Rule("time is required", generic(), common(c -> c.time((Long) null)), "props.time: is required"),
                new Rule("time has 13 digits", common(c -> c.time(9_999_999_999_999L)), common(c -> c.time(1560409473L)),
                        "props.time: must be a 13-digit epoch-millisecond time"),
                new Rule("time has no more than 13 digits", common(c -> c.time(1_000_000_000_000L)),
                        common(c -> c.time(10_000_000_000_000L)), "props.time: must be a 13-digit epoch-millisecond time"),
                new Rule("wx_user is required", generic(), common(c -> c.wxUser((WxUser) null)), "props.wx_user: is required"),
                new Rule("wx_user.app_id is required", common(c -> c.wxUser("wx1", "o1")), common(c -> c.wxUser(null, "o1")),
                        "props.wx_user.app_id: is required"),
                new Rule("wx_user.app_id is not blank", common(c -> c.wxUser("wx1", "o1")), common(c -> c.wxUser(" ", "o1")),
                        "props.wx_user.app_id: must not be blank"),
                new Rule("wx_user.open_id is required", common(c -> c.wxUser("wx1", "o1")), common(c -> c.wxUser("wx1", null)),
                        "props.wx_user.open_id: is required"),
                new Rule("wx_user.open_id is not blank", common(c -> c.wxUser("wx1", "o1")), common(c -> c.wxUser("wx1", "")),
                        "props.wx_user.open_id: must not be blank"),
                new Rule("tag_id requires tag_name", wxUserTag(null, null), wxUserTag("vip", null),
                        "props.wx_user.tag[1].tag_name: is required when tag_id is present"),
                new Rule("tag_name requires tag_id", wxUserTag("vip", "VIP"), wxUserTag(" ", "VIP"),
                        "props.wx_user.tag[1].tag_id: is required when tag_name is present"),
                new Rule("chan is required", generic(), common(c -> c.chan(null)), "props.chan: is required"),
                new Rule("chan.chan_wxapp_scene is required", common(c -> c.scene(1001)),
                        common(c -> c.chan(Chan.builder().chanId("c1").build())), "props.chan.chan_wxapp_scene: is required"),
                new Rule("chan_shop_id requires chan_shop_name", common(c -> c.scene(1001)),
                        common(c -> c.chan(Chan.builder().chanWxappScene(1001).chanShopId("s1").build())),
                        "props.chan.chan_shop_name: is required when chan_shop_id is present"));
    }

    static Stream<Rule> chanCustomRules() {
        return Stream.of(
                new Rule("any chan_custom field requires level 4 and its description",
                        chanCustom(ChanCustom.builder().id("mp-article-1", "article 1").build()),
                        chanCustom(ChanCustom.builder().cat3("mp-article", "articles").build()),
                        "props.chan.chan_custom.chan_custom_id: is required when any chan_custom field is present",
                        "props.chan.chan_custom.chan_custom_id_desc: is required when any chan_custom field is present"),
                new Rule("chan_custom_id requires its description",
                        chanCustom(new ChanCustom(null, null, null, null, null, null, null, null)),
                        chanCustom(ChanCustom.builder().id("mp-article-1", null).build()),
                        "props.chan.chan_custom.chan_custom_id_desc: is required when any chan_custom field is present"),
                new Rule("chan_custom_cat_3 requires its description",
                        chanCustom(ChanCustom.builder().id("a-1", "a 1").cat3("a", "as").build()),
                        chanCustom(ChanCustom.builder().id("a-1", "a 1").cat3("a", null).build()),
                        "props.chan.chan_custom.chan_custom_cat_3_desc: is required when chan_custom_cat_3 is present"),
                new Rule("chan_custom_cat_2 requires its description",
                        chanCustom(ChanCustom.builder().id("a-1", "a 1").cat3("a", "as").cat2("m", "ms").build()),
                        chanCustom(ChanCustom.builder().id("a-1", "a 1").cat3("a", "as").cat2("m", "").build()),
                        "props.chan.chan_custom.chan_custom_cat_2_desc: is required when chan_custom_cat_2 is present"),
                new Rule("chan_custom_cat_1 requires its description",
                        chanCustom(ChanCustom.builder().id("a-1", "a 1").cat3("a", "as").cat2("m", "ms").cat1("w", "ws").build()),
                        chanCustom(ChanCustom.builder().id("a-1", "a 1").cat3("a", "as").cat2("m", "ms").cat1("w", null).build()),
                        "props.chan.chan_custom.chan_custom_cat_1_desc: is required when chan_custom_cat_1 is present"),
                new Rule("chan_custom_cat_3 requires level 4",
                        chanCustom(ChanCustom.builder().id("a-1", "a 1").cat3("a", "as").build()),
                        chanCustom(ChanCustom.builder().cat3("a", "as").build()),
                        "props.chan.chan_custom.chan_custom_id: is required when any chan_custom field is present",
                        "props.chan.chan_custom.chan_custom_id_desc: is required when any chan_custom field is present"),
                new Rule("chan_custom_cat_2 requires level 3",
                        chanCustom(ChanCustom.builder().id("a-1", "a 1").cat3("a", "as").cat2("m", "ms").build()),
                        chanCustom(ChanCustom.builder().id("a-1", "a 1").cat2("m", "ms").build()),
                        "props.chan.chan_custom.chan_custom_cat_3: is required when chan_custom_cat_2 is present"),
                new Rule("chan_custom_cat_1 requires levels 2 and 3",
                        SpecExamples.customOrder(),
                        chanCustom(ChanCustom.builder().id("a-1", "a 1").cat1("w", "ws").build()),
                        "props.chan.chan_custom.chan_custom_cat_3: is required when chan_custom_cat_1 is present",
                        "props.chan.chan_custom.chan_custom_cat_2: is required when chan_custom_cat_1 is present"));
    }

    static Stream<Rule> customOrderRules() {
        return Stream.of(
                new Rule("order is required", SpecExamples.customOrder(), customOrder(p -> p.order(null)),
                        "props.order: is required"),
                new Rule("order.order_id is required", SpecExamples.customOrder(),
                        customOrder(p -> p.order(order().orderId(null).build())), "props.order.order_id: is required"),
                new Rule("order.order_id is not blank", SpecExamples.customOrder(),
                        customOrder(p -> p.order(order().orderId(" ").build())), "props.order.order_id: must not be blank"),
                new Rule("order.order_time is required", SpecExamples.customOrder(),
                        customOrder(p -> p.order(order().orderTime((Long) null).build())), "props.order.order_time: is required"),
                new Rule("order.order_time has 13 digits", customOrder(p -> p.order(order().orderTime(1_000_000_000_000L).build())),
                        customOrder(p -> p.order(order().orderTime(999_999_999_999L).build())),
                        "props.order.order_time: must be a 13-digit epoch-millisecond time"),
                new Rule("order.order_status is required", SpecExamples.customOrder(),
                        customOrder(p -> p.order(order().orderStatus(null).build())), "props.order.order_status: is required"),
                new Rule("sub_orders is not empty", SpecExamples.customOrder(), customOrder(p -> p.subOrders(null)),
                        "props.sub_orders: must not be empty"),
                new Rule("sub_order_id is required", SpecExamples.customOrder(),
                        subOrder(new SubOrder(null, BigDecimal.ONE, BigDecimal.ONE)), "props.sub_orders[1].sub_order_id: is required"),
                new Rule("sub_order_id is not blank", SpecExamples.customOrder(),
                        subOrder(new SubOrder("", BigDecimal.ONE, BigDecimal.ONE)), "props.sub_orders[1].sub_order_id: must not be blank"),
                new Rule("order_amt is required", subOrder(new SubOrder("s", BigDecimal.ZERO, BigDecimal.ZERO)),
                        subOrder(new SubOrder("s", null, BigDecimal.ONE)), "props.sub_orders[1].order_amt: is required"),
                new Rule("pay_amt is required", subOrder(new SubOrder("s", BigDecimal.ONE, new BigDecimal("0.00"))),
                        subOrder(new SubOrder("s", BigDecimal.ONE, null)), "props.sub_orders[1].pay_amt: is required"),
                new Rule("order_amt is >= 0", subOrder(new SubOrder("s", new BigDecimal("0.01"), BigDecimal.ONE)),
                        subOrder(new SubOrder("s", new BigDecimal("-0.01"), BigDecimal.ONE)), "props.sub_orders[1].order_amt: must be >= 0"),
                new Rule("pay_amt is >= 0", subOrder(new SubOrder("s", BigDecimal.ONE, new BigDecimal("99999999.99"))),
                        subOrder(new SubOrder("s", BigDecimal.ONE, new BigDecimal("-3"))), "props.sub_orders[1].pay_amt: must be >= 0"),
                new Rule("order_amt has at most 2 decimals", subOrder(new SubOrder("s", new BigDecimal("9.990"), BigDecimal.ONE)),
                        subOrder(new SubOrder("s", new BigDecimal("9.999"), BigDecimal.ONE)),
                        "props.sub_orders[1].order_amt: must have at most 2 decimal places"),
                new Rule("pay_amt has at most 2 decimals", subOrder(new SubOrder("s", BigDecimal.ONE, new BigDecimal("1E+2"))),
                        subOrder(new SubOrder("s", BigDecimal.ONE, new BigDecimal("0.001"))),
                        "props.sub_orders[1].pay_amt: must have at most 2 decimal places"));
    }

    static Stream<Rule> couponOrderRules() {
        return Stream.of(
                new Rule("coupon is required", SpecExamples.couponOrder(), couponOrder(p -> p.coupon(null)),
                        "props.coupon: is required"),
                new Rule("coupon.order_id is required", SpecExamples.couponOrder(),
                        couponOrder(p -> p.coupon(coupon().orderId(null).build())), "props.coupon.order_id: is required"),
                new Rule("coupon.order_id is not blank", SpecExamples.couponOrder(),
                        couponOrder(p -> p.coupon(coupon().orderId("\t").build())), "props.coupon.order_id: must not be blank"),
                new Rule("coupon.order_time is required", SpecExamples.couponOrder(),
                        couponOrder(p -> p.coupon(coupon().orderTime((Long) null).build())), "props.coupon.order_time: is required"),
                new Rule("coupon.order_time has 13 digits", SpecExamples.couponOrder(),
                        couponOrder(p -> p.coupon(coupon().orderTime(-1L).build())),
                        "props.coupon.order_time: must be a 13-digit epoch-millisecond time"),
                new Rule("coupon.order_status is required", SpecExamples.couponOrder(),
                        couponOrder(p -> p.coupon(coupon().orderStatus(null).build())), "props.coupon.order_status: is required"),
                new Rule("coupon.coupon_batch_id is required", SpecExamples.couponOrder(),
                        couponOrder(p -> p.coupon(coupon().couponBatchId(null).build())), "props.coupon.coupon_batch_id: is required"),
                new Rule("coupon.coupon_batch_id is not blank", SpecExamples.couponOrder(),
                        couponOrder(p -> p.coupon(coupon().couponBatchId("").build())), "props.coupon.coupon_batch_id: must not be blank"),
                new Rule("coupon.pay_amt is required", SpecExamples.couponOrder(),
                        couponOrder(p -> p.coupon(coupon().payAmt(null).build())), "props.coupon.pay_amt: is required"),
                new Rule("coupon.pay_amt is >= 0", couponOrder(p -> p.coupon(coupon().payAmt(BigDecimal.ZERO).build())),
                        couponOrder(p -> p.coupon(coupon().payAmt(new BigDecimal("-9.00")).build())), "props.coupon.pay_amt: must be >= 0"),
                new Rule("coupon.pay_amt has at most 2 decimals", couponOrder(p -> p.coupon(coupon().payAmt(new BigDecimal("0.10")).build())),
                        couponOrder(p -> p.coupon(coupon().payAmt(new BigDecimal("0.105")).build())),
                        "props.coupon.pay_amt: must have at most 2 decimal places"),
                new Rule("coupon_info is not empty", SpecExamples.couponOrder(), couponOrder(p -> p.couponInfo(List.of())),
                        "props.coupon_info: must not be empty"),
                new Rule("coupon_info[].coupon_id is required", couponOrder(p -> p.couponId("c2")), couponOrder(p -> p.couponId(null)),
                        "props.coupon_info[1].coupon_id: is required"),
                new Rule("coupon_info[].coupon_id is not blank", couponOrder(p -> p.couponId("c2")), couponOrder(p -> p.couponId(" ")),
                        "props.coupon_info[1].coupon_id: must not be blank"));
    }

    @Test
    void specExamplesAreValid() {
        assertThat(validator.validate(SpecExamples.customOrder())).isEmpty();
        assertThat(validator.validate(SpecExamples.couponOrder())).isEmpty();
        assertThat(validator.validate(generic())).isEmpty();
    }

    @Test
    void reportsEveryViolationTogetherWithItsPath() {
        YoushuEvent event = YoushuEvent.customOrder(CustomOrderProps.builder()
                .order(CustomOrder.builder().orderId("o-7").orderTime(1560409473L).orderStatus(OrderStatus.PAYED).build())
                .subOrder("o-7", new BigDecimal("30.30"), new BigDecimal("-1"))
                .subOrder(" ", new BigDecimal("1.234"), null)
                .common(CommonProps.builder().page("/pages/pay").wxUser("wx1", null)
                        .chan(Chan.builder().chanShopId("s1").build()).build())
                .build());

        List<Violation> violations = validator.validate(event);

        assertThat(violations).extracting(Violation::toString).containsExactly(
                "from: is required",
                "props.order.order_time: must be a 13-digit epoch-millisecond time",
                "props.sub_orders[0].pay_amt: must be >= 0",
                "props.sub_orders[1].sub_order_id: must not be blank",
                "props.sub_orders[1].order_amt: must have at most 2 decimal places",
                "props.sub_orders[1].pay_amt: is required",
                "props.page: must not start with '/'",
                "props.time: is required",
                "props.wx_user.open_id: is required",
                "props.chan.chan_wxapp_scene: is required",
                "props.chan.chan_shop_name: is required when chan_shop_id is present");
        assertThat(violations.get(2).path()).isEqualTo("props.sub_orders[0].pay_amt");
        assertThat(violations.get(2).message()).isEqualTo("must be >= 0");
    }

    @Test
    void violationsOfAValidEventAreAnEmptyUnmodifiableList() {
        List<Violation> violations = validator.validate(SpecExamples.customOrder());

        assertThat(violations).isEmpty();
        assertThatThrownBy(() -> violations.add(new Violation("x", "y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void genericEventsAreCheckedForTheCommonProps() {
        YoushuEvent event = YoushuEvent.of("add_to_cart", GenericProps.builder().put("sku_id", "s1").build()).withFrom("shop");

        assertThat(validator.validate(event)).extracting(Violation::toString).containsExactly(
                "props.page: is required",
                "props.time: is required",
                "props.wx_user: is required",
                "props.chan: is required");
    }

    private static YoushuEvent generic() {
        return SpecExamples.generic();
    }

    /** The generic example with its common props changed. */
    private static YoushuEvent common(UnaryOperator<CommonProps.Builder> change) {
        YoushuEvent event = generic();
        return event.withProps(event.props().withCommon(change.apply(event.props().common().toBuilder()).build()));
    }

    /** The generic example with a second tag. */
    private static YoushuEvent wxUserTag(String tagId, String tagName) {
        return common(c -> c.wxUser(SpecExamples.common().wxUser().toBuilder().tag(tagId, tagName).build()));
    }

    /** The generic example with the given custom channel. */
    private static YoushuEvent chanCustom(ChanCustom chanCustom) {
        return common(c -> c.chan(SpecExamples.common().chan().toBuilder().chanCustom(chanCustom).build()));
    }

    private static CustomOrder.Builder order() {
        return ((CustomOrderProps) SpecExamples.customOrder().props()).order().toBuilder();
    }

    private static CouponOrder.Builder coupon() {
        return ((CouponOrderProps) SpecExamples.couponOrder().props()).coupon().toBuilder();
    }

    /** The custom_order example with its props changed. */
    private static YoushuEvent customOrder(UnaryOperator<CustomOrderProps.Builder> change) {
        YoushuEvent event = SpecExamples.customOrder();
        return event.withProps(change.apply(((CustomOrderProps) event.props()).toBuilder()).build());
    }

    /** The custom_order example with a second sub-order. */
    private static YoushuEvent subOrder(SubOrder subOrder) {
        return customOrder(p -> p.subOrder(subOrder));
    }

    /** The coupon_order example with its props changed. */
    private static YoushuEvent couponOrder(UnaryOperator<CouponOrderProps.Builder> change) {
        YoushuEvent event = SpecExamples.couponOrder();
        return event.withProps(change.apply(((CouponOrderProps) event.props()).toBuilder()).build());
    }
}
