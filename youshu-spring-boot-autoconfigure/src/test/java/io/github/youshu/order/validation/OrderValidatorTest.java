package io.github.youshu.order.validation;

import io.github.youshu.YoushuReportException;
import io.github.youshu.event.ChanCustom;
import io.github.youshu.order.ChanInfo;
import io.github.youshu.order.ChanWxapp;
import io.github.youshu.order.CommissionType;
import io.github.youshu.order.CouponDetail;
import io.github.youshu.order.CouponInfo;
import io.github.youshu.order.CouponType;
import io.github.youshu.order.DataApiItem;
import io.github.youshu.order.DataApiTime;
import io.github.youshu.order.ExpressInfo;
import io.github.youshu.order.ExpressPackage;
import io.github.youshu.order.ExpressPage;
import io.github.youshu.order.GoodsInfo;
import io.github.youshu.order.InvoiceInfo;
import io.github.youshu.order.OrderExamples;
import io.github.youshu.order.OrderSource;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderStatusUpdate;
import io.github.youshu.order.OrderSum;
import io.github.youshu.order.PaymentInfo;
import io.github.youshu.order.PromotionDetail;
import io.github.youshu.order.PromotionInfo;
import io.github.youshu.order.PromotionType;
import io.github.youshu.order.ReturnGoodsInfo;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.StoreInfo;
import io.github.youshu.order.UserInfo;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every rule of data-api.md §4–§7 and §6, each with an item that keeps it (no error) and one that
 * breaks it (exactly the named violation, with its JSON path).
 */
class OrderValidatorTest {

    private final OrderValidator validator = new OrderValidator();

    /** One rule: an item that keeps it, one that breaks it, and the violations the breaking one gets. */
    record Rule(String name, Supplier<DataApiItem> passing, Supplier<DataApiItem> failing, List<String> violations) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Rule rule(String name, Supplier<DataApiItem> passing, Supplier<DataApiItem> failing, String... violations) {
        return new Rule(name, passing, failing, List.of(violations));
    }

    static Stream<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        addOrderRules(rules);
        addGoodsRules(rules);
        addPartRules(rules);
        addUpdateRules(rules);
        addReturnRules(rules);
        addSumRules(rules);
        return rules.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void itemKeepingTheRuleIsValid(Rule rule) {
        OrderValidationResult result = validator.validate(rule.passing().get());

        assertThat(result.errors()).isEmpty();
        assertThat(result.isValid()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void itemBreakingTheRuleIsRefusedNamingThePathEndpointAndOrderId(Rule rule) {
        DataApiItem item = rule.failing().get();

        OrderValidationResult result = validator.validate(item);

        assertThat(result.errors()).extracting(Violation::toString).containsExactlyElementsOf(rule.violations());
        assertThat(result.isValid()).isFalse();
        assertThat(result.endpoint()).isEqualTo(item.endpoint());
        assertThat(result.orderId()).isEqualTo(item.orderId());
        assertThat(result.toString()).startsWith(item.endpoint().path()).contains(rule.violations());
        if (item.orderId() != null) {
            assertThat(result.toString()).contains("of order " + item.orderId());
        }
    }

    // §4 add_order

    private static void addOrderRules(List<Rule> rules) {
        rules.add(rule("external_order_id required", OrderValidatorTest::base, () -> order(b -> b.externalOrderId(null)),
                "orders[0].external_order_id: is required"));
        rules.add(rule("external_order_id not blank", OrderValidatorTest::base, () -> order(b -> b.externalOrderId(" ")),
                "orders[0].external_order_id: must not be blank"));
        rules.add(rule("create_time required", OrderValidatorTest::base, () -> order(b -> b.createTime((Temporal) null)),
                "orders[0].create_time: is required"));
        rules.add(rule("create_time 13 digits", OrderValidatorTest::base, () -> order(b -> b.createTime(1_700_000_000L)),
                "orders[0].create_time: must be a 13-digit epoch-millisecond time"));
        rules.add(rule("order_source required", () -> order(b -> b.orderSource(OrderSource.MOBILEWEB)),
                () -> order(b -> b.orderSource(null)), "orders[0].order_source: is required"));
        rules.add(rule("order_type required", OrderValidatorTest::base, () -> order(b -> b.orderType(null)),
                "orders[0].order_type: is required"));
        rules.add(rule("order_status required", OrderValidatorTest::base, () -> order(b -> b.orderStatus(null)),
                "orders[0].order_status: is required"));
        rules.add(rule("status_change_time required", OrderValidatorTest::base,
                () -> order(b -> b.statusChangeTime((Temporal) null)), "orders[0].status_change_time: is required"));
        rules.add(rule("status_change_time 13 digits", () -> order(b -> b.statusChangeTime(9_999_999_999_999L)),
                () -> order(b -> b.statusChangeTime(10_000_000_000_000L)),
                "orders[0].status_change_time: must be a 13-digit epoch-millisecond time"));
        rules.add(rule("goods_num_total required", OrderValidatorTest::base, () -> order(b -> b.goodsNumTotal(null)),
                "orders[0].goods_num_total: is required"));
        rules.add(rule("goods_num_total >= 1 (§6)", OrderValidatorTest::base, () -> order(b -> b.goodsNumTotal(0)),
                "orders[0].goods_num_total: must be >= 1"));
        rules.add(rule("goods_amount_total required", OrderValidatorTest::base, () -> order(b -> b.goodsAmountTotal(null)),
                "orders[0].goods_amount_total: is required"));
        rules.add(rule("freight_amount required", OrderValidatorTest::base, () -> order(b -> b.freightAmount(null)),
                "orders[0].freight_amount: is required"));
        rules.add(rule("order_amount required", OrderValidatorTest::base, () -> order(b -> b.orderAmount(null)),
                "orders[0].order_amount: is required"));
        rules.add(rule("payable_amount required", OrderValidatorTest::base, () -> order(b -> b.payableAmount(null)),
                "orders[0].payable_amount: is required"));
        rules.add(rule("payment_amount required", OrderValidatorTest::base, () -> order(b -> b.paymentAmount(null)),
                "orders[0].payment_amount: is required"));
        rules.add(rule("no negative money (§6)",
                () -> order(b -> b.freightAmount(BigDecimal.ZERO).goodsAmountTotal(money("165.90"))),
                () -> order(b -> b.freightAmount(money("-8.00"))), "orders[0].freight_amount: must be >= 0"));
        rules.add(rule("at most 2 decimals (§6)", () -> order(b -> b.paymentAmount(money("145.900"))),
                () -> order(b -> b.paymentAmount(money("145.899"))), "orders[0].payment_amount: must have at most 2 decimal places"));
        rules.add(rule("order_amount = goods_amount_total + freight_amount (§6)",
                () -> order(b -> b.freightAmount(money("10.00")).orderAmount(money("167.90"))),
                () -> order(b -> b.orderAmount(money("165.91"))),
                "orders[0].order_amount: must equal goods_amount_total + freight_amount"));
        rules.add(rule("payable_amount <= order_amount (§6)", () -> order(b -> b.payableAmount(money("165.90"))),
                () -> order(b -> b.payableAmount(money("166.00"))), "orders[0].payable_amount: must be <= order_amount"));
        rules.add(rule("payment_amount <= payable_amount (§6)",
                () -> order(b -> b.paymentAmount(money("140.00")).paymentInfo(List.of(wechatPay("140.00")))),
                () -> order(b -> b.paymentAmount(money("146.00")).paymentInfo(List.of(wechatPay("146.00")))),
                "orders[0].payment_amount: must be <= payable_amount"));
        rules.add(rule("user_info required", OrderValidatorTest::base, () -> order(b -> b.userInfo(null)),
                "orders[0].user_info: is required"));
        rules.add(rule("open_id required when order_source is wxapp",
                () -> order(b -> b.orderSource(OrderSource.APP).userInfo(UserInfo.builder().userId("U-0001").build())),
                () -> order(b -> b.userInfo(UserInfo.builder().userId("U-0001").build())),
                "orders[0].user_info.open_id: is required when order_source is wxapp"));
        rules.add(rule("user_first_order_time 13 digits", () -> order(b -> b.userInfo(user(1_690_000_000_000L))),
                () -> order(b -> b.userInfo(user(1_690_000_000L))),
                "orders[0].user_info.user_first_order_time: must be a 13-digit epoch-millisecond time"));
        rules.add(rule("goods_info not empty", OrderValidatorTest::base, () -> order(b -> b.goodsInfo(List.of())),
                "orders[0].goods_info: must not be empty"));
        rules.add(rule("payment_info required unless order_status is 1110",
                () -> order(b -> b.orderStatus(OrderStatusCode.CREATED).paymentInfo(null)),
                () -> order(b -> b.orderStatus(OrderStatusCode.CANCELLED_AFTER_PAYMENT).paymentInfo(null)),
                "orders[0].payment_info: is required unless order_status is 1110"));
        rules.add(rule("sub_mchid required in service-provider mode",
                () -> order(b -> b.wechatPaySubMerchant("1900000002", "wxSUBAPP0001")),
                () -> order(b -> b.wechatPaySubMerchant(null, "wxSUBAPP0001")),
                "orders[0].sub_mchid: is required when sub_appid is present (service-provider mode)"));
    }

    // §5 goods_info

    private static void addGoodsRules(List<Rule> rules) {
        String line = "orders[0].goods_info[1].";
        rules.add(rule("external_sku_id required", OrderValidatorTest::base, () -> goods(g -> g.sku(null, "袜子")),
                line + "external_sku_id: is required"));
        rules.add(rule("sku_name_chinese required", OrderValidatorTest::base, () -> goods(g -> g.sku("SKU-B", "")),
                line + "sku_name_chinese: must not be blank"));
        rules.add(rule("external_spu_id required", OrderValidatorTest::base, () -> goods(g -> g.spu(null, "袜子")),
                line + "external_spu_id: is required"));
        rules.add(rule("spu_name_chinese required", OrderValidatorTest::base, () -> goods(g -> g.spu("SKU-B", null)),
                line + "spu_name_chinese: is required"));
        rules.add(rule("goods_num required", OrderValidatorTest::base, () -> goods(g -> g.goodsNum(null)),
                line + "goods_num: is required"));
        rules.add(rule("goods_num >= 1 (§6)", OrderValidatorTest::base, () -> goods(g -> g.goodsNum(0)),
                line + "goods_num: must be >= 1"));
        rules.add(rule("goods_amount required", OrderValidatorTest::base, () -> goods(g -> g.goodsAmount(null)),
                line + "goods_amount: is required"));
        rules.add(rule("goods line money not negative", OrderValidatorTest::base,
                () -> goods(g -> g.goodsAmount(money("-39.90"))), line + "goods_amount: must be >= 0"));
        rules.add(rule("goods line payment_amount required", OrderValidatorTest::base,
                () -> goods(g -> g.paymentAmount(null)), line + "payment_amount: is required"));
        rules.add(rule("store_info.external_store_id required with a store",
                () -> goods(g -> g.storeInfo(StoreInfo.of("ST-1", null, null))),
                () -> goods(g -> g.storeInfo(StoreInfo.of(null, "徐汇店", "上海"))),
                line + "store_info.external_store_id: is required"));
        rules.add(rule("chan_wxapp.chan_scene required with chan_wxapp",
                () -> goods(g -> g.chan(ChanInfo.builder().chanScene("1089").build())),
                () -> goods(g -> g.chan(ChanInfo.builder().chanWxapp(ChanWxapp.of(null)).build())),
                line + "chan_info[0].chan_wxapp.chan_scene: is required"));
        rules.add(rule("chan_custom level 4 required when any level is set",
                () -> goods(g -> g.chan(chanCustom(ChanCustom.builder().id("mp-article-1", "文章1").cat3("mp-article", "文章")))),
                () -> goods(g -> g.chan(chanCustom(ChanCustom.builder().cat3("mp-article", "文章")))),
                line + "chan_info[0].chan_custom.chan_custom_id: is required when any chan_custom field is present",
                line + "chan_info[0].chan_custom.chan_custom_id_desc: is required when any chan_custom field is present"));
        rules.add(rule("chan_custom level needs its description",
                () -> goods(g -> g.chan(chanCustom(ChanCustom.builder().id("mp-article-1", "文章1")))),
                () -> goods(g -> g.chan(chanCustom(ChanCustom.builder().id("mp-article-1", "文章1").cat3("mp-article", null)))),
                line + "chan_info[0].chan_custom.chan_custom_cat_3_desc: is required when chan_custom_cat_3 is present"));
        rules.add(rule("chan_custom level needs every finer level",
                () -> goods(g -> g.chan(chanCustom(ChanCustom.builder().id("a", "A").cat3("b", "B").cat2("c", "C")))),
                () -> goods(g -> g.chan(chanCustom(ChanCustom.builder().id("a", "A").cat2("c", "C")))),
                line + "chan_info[0].chan_custom.chan_custom_cat_3: is required when chan_custom_cat_2 is present"));
        rules.add(rule("commission_type required",
                () -> goods(g -> g.commission(CommissionType.FIXED, money("1.00"))),
                () -> goods(g -> g.commission(null, money("1.00"))), line + "commission_info[0].commission_type: is required"));
        rules.add(rule("commission_fee required",
                () -> goods(g -> g.commission(CommissionType.PERCENTAGE, money("0.50"))),
                () -> goods(g -> g.commission(CommissionType.PERCENTAGE, null)),
                line + "commission_info[0].commission_fee: is required"));
    }

    // §4 parts: payments, coupons, promotions, express, invoices

    private static void addPartRules(List<Rule> rules) {
        rules.add(rule("payment_type required", OrderValidatorTest::base,
                () -> order(b -> b.paymentInfo(List.of(PaymentInfo.of(null, "4200000000000001", money("145.90"))))),
                "orders[0].payment_info[0].payment_type: is required"));
        rules.add(rule("trans_amount required", OrderValidatorTest::base,
                () -> order(b -> b.paymentInfo(List.of(PaymentInfo.of(PaymentInfo.WECHAT_PAY, "4200000000000001", null)))),
                "orders[0].payment_info[0].trans_amount: is required"));
        rules.add(rule("coupon_type required", OrderValidatorTest::base,
                () -> coupon(CouponInfo.of(null, money("20.00"), couponDetail("20.00"))),
                "orders[0].coupon_info[0].coupon_type: is required"));
        rules.add(rule("coupon_amount_total required", OrderValidatorTest::base,
                () -> coupon(CouponInfo.of(CouponType.MERCHANT, null, couponDetail("20.00"))),
                "orders[0].coupon_info[0].coupon_amount_total: is required"));
        rules.add(rule("coupon_detail.coupon_amount required", OrderValidatorTest::base,
                () -> coupon(CouponInfo.of(CouponType.MERCHANT, money("20.00"), couponDetail(null))),
                "orders[0].coupon_info[0].coupon_detail[0].coupon_amount: is required"));
        rules.add(rule("promotion_type required",
                () -> order(b -> b.promotion(PromotionInfo.of(PromotionType.OTHER, PromotionDetail.of("P", "P", money("5.00"))))),
                () -> order(b -> b.promotion(PromotionInfo.of(null, PromotionDetail.of("P", "P", money("5.00"))))),
                "orders[0].promotion_info[0].promotion_type: is required"));
        rules.add(rule("promotion_amount not negative",
                () -> order(b -> b.promotion(PromotionInfo.of(PromotionType.MEMBER_PRICE, PromotionDetail.of("P", "P", null)))),
                () -> order(b -> b.promotion(PromotionInfo.of(PromotionType.MEMBER_PRICE, PromotionDetail.of("P", "P", money("-5.00"))))),
                "orders[0].promotion_info[0].promotion_detail[0].promotion_amount: must be >= 0"));
        rules.add(rule("expected_delivery_date as YYYYMMDD",
                () -> express(e -> e.expectedDeliveryDate("20231118")),
                () -> express(e -> e.expectedDeliveryDate("2023-11-18")),
                "orders[0].express_info.expected_delivery_date: must be a date as YYYYMMDD"));
        rules.add(rule("expected_delivery_date a real date", () -> express(e -> e.expectedDeliveryDate("20240229")),
                () -> express(e -> e.expectedDeliveryDate("20231131")),
                "orders[0].express_info.expected_delivery_date: must be a date as YYYYMMDD"));
        rules.add(rule("ship_time 13 digits", () -> parcel(p -> p.shipTime(1_700_100_000_000L)),
                () -> parcel(p -> p.shipTime(1_700_100_000L)),
                "orders[0].express_info.express_package_info[0].ship_time: must be a 13-digit epoch-millisecond time"));
        rules.add(rule("miniprogram_appid required with miniprogram_path",
                () -> parcel(p -> p.expressPage(ExpressPage.of(null, null, "https://track.example.com/1"))),
                () -> parcel(p -> p.expressPage(ExpressPage.of("pages/track?id=1", null, null))),
                "orders[0].express_info.express_package_info[0].express_page.miniprogram_appid: "
                        + "is required when miniprogram_path is present"));
        rules.add(rule("parcel goods external_sku_id required", () -> parcel(p -> p.goods("SKU-A", 2)),
                () -> parcel(p -> p.goods(null, 2)),
                "orders[0].express_info.express_package_info[0].express_package_info[0].external_sku_id: is required"));
        rules.add(rule("parcel goods number >= 1", () -> parcel(p -> p.goods("SKU-A", 1)),
                () -> parcel(p -> p.goods("SKU-A", 0)),
                "orders[0].express_info.express_package_info[0].express_package_info[0].number: must be >= 1"));
        rules.add(rule("invoice_type 1000 to 1006",
                () -> order(b -> b.invoice(InvoiceInfo.builder().ifNeedInvoice(true).invoiceType("1006").build())),
                () -> order(b -> b.invoice(InvoiceInfo.builder().ifNeedInvoice(true).invoiceType("1007").build())),
                "orders[0].invoice_info[0].invoice_type: must be one of 1000 to 1006"));
    }

    // §7 order/update

    private static void addUpdateRules(List<Rule> rules) {
        Instant at = Instant.ofEpochMilli(1_700_000_065_000L);
        rules.add(rule("update external_order_id required", () -> OrderStatusUpdate.of("ORD-0001", OrderStatusCode.PAID, at),
                () -> OrderStatusUpdate.of(null, OrderStatusCode.PAID, at), "orders[0].external_order_id: is required"));
        rules.add(rule("update order_status required", () -> OrderStatusUpdate.of("ORD-0001", OrderStatusCode.COMPLETED, at),
                () -> OrderStatusUpdate.of("ORD-0001", null, at), "orders[0].order_status: is required"));
        rules.add(rule("update status_change_time required", () -> OrderStatusUpdate.of("ORD-0001", OrderStatusCode.PAID, at),
                () -> new OrderStatusUpdate("ORD-0001", OrderStatusCode.PAID, null), "orders[0].status_change_time: is required"));
        rules.add(rule("update status_change_time 13 digits",
                () -> OrderStatusUpdate.of("ORD-0001", OrderStatusCode.PAID, 1_000_000_000_000L),
                () -> OrderStatusUpdate.of("ORD-0001", OrderStatusCode.PAID, 999_999_999_999L),
                "orders[0].status_change_time: must be a 13-digit epoch-millisecond time"));
    }

    // §7 return_order/add

    private static void addReturnRules(List<Rule> rules) {
        Supplier<DataApiItem> base = OrderExamples::returnOrder;
        rules.add(rule("external_return_order_id required", base, () -> returnOrder(r -> r.externalReturnOrderId(null)),
                "orders[0].external_return_order_id: is required"));
        rules.add(rule("return external_order_id required", base, () -> returnOrder(r -> r.externalOrderId(" ")),
                "orders[0].external_order_id: must not be blank"));
        rules.add(rule("return_create_time required", base, () -> returnOrder(r -> r.returnCreateTime((Temporal) null)),
                "orders[0].return_create_time: is required"));
        rules.add(rule("return_num >= 1", base, () -> returnOrder(r -> r.returnNum(0)), "orders[0].return_num: must be >= 1"));
        rules.add(rule("return_amount required", base, () -> returnOrder(r -> r.returnAmount(null)),
                "orders[0].return_amount: is required"));
        rules.add(rule("return_freight_amount required (0 when none)", base,
                () -> returnOrder(r -> r.returnFreightAmount(null)), "orders[0].return_freight_amount: is required"));
        rules.add(rule("return_order_amount required", base, () -> returnOrder(r -> r.returnOrderAmount(null)),
                "orders[0].return_order_amount: is required"));
        rules.add(rule("return_order_amount = return_amount + return_freight_amount",
                () -> returnOrder(r -> r.returnFreightAmount(money("5.00")).returnOrderAmount(money("39.85"))),
                () -> returnOrder(r -> r.returnFreightAmount(money("5.00"))),
                "orders[0].return_order_amount: must equal return_amount + return_freight_amount"));
        rules.add(rule("return money at most 2 decimals", base, () -> returnOrder(r -> r.returnAmount(money("34.851"))),
                "orders[0].return_amount: must have at most 2 decimal places"));
        rules.add(rule("return_order_status required", base, () -> returnOrder(r -> r.returnOrderStatus(null)),
                "orders[0].return_order_status: is required"));
        rules.add(rule("return_order_status only 1290", base,
                () -> returnOrder(r -> r.returnOrderStatus(OrderStatusCode.REFUND_IN_PROGRESS)),
                "orders[0].return_order_status: must be 1290 (return and refund completed)"));
        rules.add(rule("return status_change_time required", base, () -> returnOrder(r -> r.statusChangeTime((Temporal) null)),
                "orders[0].status_change_time: is required"));
        rules.add(rule("return_goods_info not empty", base, () -> returnOrder(r -> r.returnGoodsInfo(List.of())),
                "orders[0].return_goods_info: must not be empty"));
        String line = "orders[0].return_goods_info[0].";
        rules.add(rule("return goods external_sku_id required", () -> returnGoods(g -> g.isGift(null)),
                () -> returnGoods(g -> g.sku(null, "袜子")), line + "external_sku_id: is required"));
        rules.add(rule("return goods sku_name_chinese required", base, () -> returnGoods(g -> g.sku("SKU-B", null)),
                line + "sku_name_chinese: is required"));
        rules.add(rule("return goods external_spu_id required", base, () -> returnGoods(g -> g.spu(null, "袜子")),
                line + "external_spu_id: is required"));
        rules.add(rule("return goods spu_name_chinese required", base, () -> returnGoods(g -> g.spu("SKU-B", " ")),
                line + "spu_name_chinese: must not be blank"));
        rules.add(rule("return_goods_amount required", base, () -> returnGoods(g -> g.returnGoodsAmount(null)),
                line + "return_goods_amount: is required"));
        rules.add(rule("return_goods_amount not negative", base,
                () -> returnGoods(g -> g.returnGoodsAmount(money("-34.85"))), line + "return_goods_amount: must be >= 0"));
        rules.add(rule("return_goods_num >= 1", base, () -> returnGoods(g -> g.returnGoodsNum(0)),
                line + "return_goods_num: must be >= 1"));
    }

    // §7 add_order_sum

    private static void addSumRules(List<Rule> rules) {
        Supplier<DataApiItem> base = OrderExamples::dailyTotal;
        rules.add(rule("ref_date required", base, () -> sum(s -> s.refDate(null)), "orders[0].ref_date: is required"));
        rules.add(rule("give_order_amount_sum required", base, () -> sum(s -> s.giveOrderAmountSum(null)),
                "orders[0].give_order_amount_sum: is required"));
        rules.add(rule("give_order_amount_sum not negative", () -> sum(s -> s.giveOrderAmountSum(BigDecimal.ZERO)),
                () -> sum(s -> s.giveOrderAmountSum(money("-1.00"))), "orders[0].give_order_amount_sum: must be >= 0"));
        rules.add(rule("give_order_num_sum >= 0", () -> sum(s -> s.giveOrderNumSum(0)), () -> sum(s -> s.giveOrderNumSum(-1)),
                "orders[0].give_order_num_sum: must be >= 0"));
        rules.add(rule("payment_amount_sum at most 2 decimals", base, () -> sum(s -> s.paymentAmountSum(money("880.005"))),
                "orders[0].payment_amount_sum: must have at most 2 decimal places"));
        rules.add(rule("payed_num_sum required", () -> sum(s -> s.payedNumSum(0)), () -> sum(s -> s.payedNumSum(null)),
                "orders[0].payed_num_sum: is required"));
    }

    // §6 warnings

    /** One §6 sum: an order that keeps it, one that breaks it, and the violation. */
    record Sum(String name, Supplier<YoushuOrder> passing, Supplier<YoushuOrder> failing, String violation) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Sum> sums() {
        return Stream.of(
                new Sum("goods_num_total = Σ goods_num", OrderValidatorTest::base, () -> order(b -> b.goodsNumTotal(4)),
                        "orders[0].goods_num_total: must equal the sum of goods_info[].goods_num"),
                new Sum("Σ trans_amount = payment_amount",
                        () -> order(b -> b.paymentInfo(List.of(wechatPay("100.00"), wechatPay("45.90")))),
                        () -> order(b -> b.paymentInfo(List.of(wechatPay("100.00"), wechatPay("40.00")))),
                        "orders[0].payment_info: the sum of trans_amount must equal payment_amount"),
                new Sum("coupon_amount_total = Σ coupon_amount",
                        () -> coupon(CouponInfo.of(CouponType.MERCHANT, money("20.00"), couponDetail("15.00"), couponDetail("5.00"))),
                        () -> coupon(CouponInfo.of(CouponType.MERCHANT, money("20.00"), couponDetail("15.00"))),
                        "orders[0].coupon_info[0].coupon_amount_total: must equal the sum of coupon_detail[].coupon_amount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sums")
    void orderKeepingASumHasNoWarningEvenWhenStrict(Sum sum) {
        OrderValidationResult result = new OrderValidator(true).validate(sum.passing().get());

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sums")
    void brokenSumIsAWarningByDefault(Sum sum) {
        OrderValidationResult result = validator.validate(sum.failing().get());

        assertThat(result.isValid()).isTrue();
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).extracting(Violation::toString).containsExactly(sum.violation());
        assertThat(result.toString()).contains("order/add_order", "ORD-0001", sum.violation());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sums")
    void brokenSumIsAnErrorWhenConfigured(Sum sum) {
        OrderValidator strict = new OrderValidator(true);

        OrderValidationResult result = strict.validate(sum.failing().get());

        assertThat(strict.amountWarningsAsErrors()).isTrue();
        assertThat(result.isValid()).isFalse();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.errors()).extracting(Violation::toString).containsExactly(sum.violation());
    }

    // the result

    @Test
    void everyViolationIsReportedAtOnce() {
        YoushuOrder order = order(b -> b.externalOrderId(null).goodsNumTotal(0).userInfo(null));

        assertThat(validator.validate(order).errors()).extracting(Violation::path)
                .containsExactly("orders[0].external_order_id", "orders[0].goods_num_total", "orders[0].user_info");
    }

    @Test
    void exceptionNamesTheEndpointTheOrderIdAndThePath() {
        OrderValidationResult result = validator.validate(goods(g -> g.goodsNum(0)));

        YoushuReportException exception = result.toException();

        assertThat(exception.getMessage()).contains("order/add_order", "ORD-0001",
                "orders[0].goods_info[1].goods_num: must be >= 1");
        assertThat(exception.orderId()).isEqualTo("ORD-0001");
        assertThat(exception.eventType()).isEqualTo("order/add_order");
        assertThat(exception.violations()).containsExactlyElementsOf(result.errors());
    }

    @Test
    void validItemHasNoException() {
        OrderValidationResult result = validator.validate(base());

        assertThatThrownBy(result::toException).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dailyTotalsNameNoOrder() {
        OrderValidationResult result = validator.validate(sum(s -> s.refDate(null)));

        assertThat(result.orderId()).isNull();
        assertThat(result.toString()).startsWith("order/add_order_sum item (no order id): errors [orders[0].ref_date: is required]");
    }

    @Test
    void localTimesAreCheckedToo() {
        OrderStatusUpdate update = new OrderStatusUpdate("ORD-0001", OrderStatusCode.PAID,
                DataApiTime.of(LocalDateTime.of(1999, 1, 1, 0, 0)));

        assertThat(validator.validate(update).errors()).extracting(Violation::toString)
                .containsExactly("orders[0].status_change_time: must be a 13-digit epoch-millisecond time");
    }

    // builders of the cases

    private static YoushuOrder base() {
        return OrderExamples.specExample();
    }

    private static YoushuOrder order(UnaryOperator<YoushuOrder.Builder> change) {
        return change.apply(base().toBuilder()).build();
    }

    /** The order of §10 with its second goods line changed. */
    private static YoushuOrder goods(UnaryOperator<GoodsInfo.Builder> change) {
        List<GoodsInfo> lines = new ArrayList<>(base().goodsInfo());
        lines.set(1, change.apply(lines.get(1).toBuilder()).build());
        return order(b -> b.goodsInfo(lines));
    }

    private static YoushuOrder coupon(CouponInfo coupon) {
        return order(b -> b.couponInfo(List.of(coupon)));
    }

    private static YoushuOrder express(UnaryOperator<ExpressInfo.Builder> change) {
        return order(b -> b.expressInfo(change.apply(ExpressInfo.builder().logisticsStatus("shipped")).build()));
    }

    private static YoushuOrder parcel(UnaryOperator<ExpressPackage.Builder> change) {
        return express(e -> e.expressPackage(change.apply(ExpressPackage.builder().expressCompany("SF", "顺丰速运")).build()));
    }

    private static ChanInfo chanCustom(ChanCustom.Builder custom) {
        return ChanInfo.builder().chanCustom(custom.build()).build();
    }

    private static UserInfo user(long firstOrderTime) {
        return UserInfo.builder().openId("oOPENID0001").userFirstOrderTime(firstOrderTime).build();
    }

    private static PaymentInfo wechatPay(String amount) {
        return PaymentInfo.of(PaymentInfo.WECHAT_PAY, "4200000000000001", money(amount));
    }

    private static CouponDetail couponDetail(String amount) {
        return CouponDetail.of("CPN-1", "BATCH-150-20", "满150减20", amount == null ? null : money(amount));
    }

    private static ReturnOrder returnOrder(UnaryOperator<ReturnOrder.Builder> change) {
        return change.apply(OrderExamples.returnOrder().toBuilder()).build();
    }

    private static ReturnOrder returnGoods(UnaryOperator<ReturnGoodsInfo.Builder> change) {
        ReturnGoodsInfo line = OrderExamples.returnOrder().returnGoodsInfo().get(0);
        return returnOrder(r -> r.returnGoodsInfo(List.of(change.apply(line.toBuilder()).build())));
    }

    private static OrderSum sum(UnaryOperator<OrderSum.Builder> change) {
        return change.apply(OrderExamples.dailyTotal().toBuilder()).build();
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
