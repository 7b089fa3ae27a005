package io.github.youshu.event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The request examples of the Youshu documentation (custom_order.md, coupon_order.md), built with
 * the Java model. The golden files in {@code src/test/resources/golden} hold the same events as
 * JSON, with the wire contract's decisions applied and {@code from} set.
 */
public final class SpecExamples {

    public static final Instant TIME = Instant.ofEpochMilli(1560409473714L);

    private SpecExamples() {
    }

    /** The common props of both examples. */
    public static CommonProps common() {
        return CommonProps.builder()
                .page("pages/product?sku_id=AOdjf7u")
                .pageTitle("商品详情、商城首页")
                .time(TIME)
                .wxUser(WxUser.builder()
                        .appId("wx9d4f5f22pa099f82")
                        .openId("ogN6X0T-ilsH-XmIdzXtuR1f1r3Q")
                        .userId("548019854034")
                        .unionId("o6_bmlsdaXds8d6_sgVt7hM3OPfL")
                        .localId("360b8853-64bf-3fba-e9a0-5abb1e4d7721")
                        .tag("游客", "游客")
                        .build())
                .chan(Chan.builder()
                        .chanWxappScene(1037)
                        .chanId("11")
                        .chanReferAppId("wx9d6f5f6gea059654")
                        .chanShopId("11")
                        .chanShopName("11")
                        .chanCustom(ChanCustom.builder()
                                .id("mp-article-12375", "公众号文章(id=12375)")
                                .cat3("mp-article", "公众号文章")
                                .cat2("media", "媒体")
                                .cat1("wechat", "微信")
                                .build())
                        .build())
                .component(new Component("", ""))
                .build();
    }

    /** The custom_order example. */
    public static YoushuEvent customOrder() {
        return YoushuEvent.customOrder(CustomOrderProps.builder()
                        .order("xxxx", TIME, OrderStatus.CANCEL_PAY)
                        .subOrder("xxxxx", new BigDecimal("30.3"), new BigDecimal("30.3"))
                        .common(common())
                        .build())
                .withFrom("demo-shop");
    }

    /** The coupon_order example. */
    public static YoushuEvent couponOrder() {
        return YoushuEvent.couponOrder(CouponOrderProps.builder()
                        .coupon(CouponOrder.builder()
                                .orderId("xxxx")
                                .orderTime(TIME)
                                .orderStatus(OrderStatus.CANCEL_PAY)
                                .couponBatchId("xxxxxxx")
                                .payAmt(new BigDecimal("9.00"))
                                .build())
                        .couponId("xxxxx")
                        .common(common())
                        .build())
                .withFrom("demo-shop");
    }

    /** A valid event of another type. */
    public static YoushuEvent generic() {
        return YoushuEvent.of("add_to_cart", GenericProps.builder()
                        .put("sku_id", "AOdjf7u")
                        .put("sku_num", 2)
                        .common(common())
                        .build())
                .withFrom("demo-shop");
    }
}
