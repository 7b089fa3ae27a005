package io.github.youshu.order;

import io.github.youshu.event.ChanCustom;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The items of the golden files, built with the model; times use every accepted type. */
public final class OrderExamples {

    /** The merchant's zone of the examples: local times are taken here. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The plain phone numbers of {@link #everyField()}: none may appear anywhere. */
    public static final String USER_PHONE = "+86 138-0013-8000";
    public static final String RECEIVER_PHONE = "+86-139 1234 5678";
    public static final String REGISTRY_PHONE = "021-6123-4567";
    public static final String INVOICE_DELIVERY_PHONE = "8613800138000";

    private OrderExamples() {
    }

    /** The example of data-api.md §10. */
    public static YoushuOrder specExample() {
        return YoushuOrder.builder()
                .externalOrderId("ORD-0001")
                .createTime(Instant.ofEpochMilli(1_700_000_000_000L))
                .orderSource(OrderSource.WXAPP)
                .orderType(OrderTypeCode.NORMAL)
                .orderStatus(OrderStatusCode.PAID)
                .statusChangeTime(1_700_000_065_000L)
                .goodsNumTotal(3)
                .goodsAmountTotal(new BigDecimal("157.90"))
                .freightAmount(new BigDecimal("8.00"))
                .orderAmount(new BigDecimal("165.90"))
                .payableAmount(new BigDecimal("145.90"))
                .paymentAmount(new BigDecimal("145.90"))
                .userInfo(UserInfo.builder().openId("oOPENID0001").appId("wxAPPID0001").userId("U-0001").build())
                .goods(GoodsInfo.builder().sku("SKU-A", "T恤 红 M").spu("SPU-A", "T恤").goodsNum(2)
                        .goodsAmount(new BigDecimal("59.00")).paymentAmount(new BigDecimal("103.05")).build())
                .goods(GoodsInfo.builder().skuWithoutSpu("SKU-B", "袜子").goodsNum(1)
                        .goodsAmount(new BigDecimal("39.90")).paymentAmount(new BigDecimal("34.85")).build())
                .coupon(CouponInfo.of(CouponType.MERCHANT, new BigDecimal("20.00"),
                        CouponDetail.of("CPN-1", "BATCH-150-20", "满150减20", new BigDecimal("20.00"))))
                .payment(PaymentInfo.of(PaymentInfo.WECHAT_PAY, "4200000000000001", new BigDecimal("145.90")))
                .build();
    }

    /** An order with every field of §4 and §5 set, phones given as plain numbers. */
    public static YoushuOrder everyField() {
        return YoushuOrder.builder()
                .externalOrderId("ORD-0002")
                .createTime(LocalDateTime.of(2023, 11, 15, 6, 13, 20))
                .orderSource(OrderSource.OFFSTORE_POS_SELF_HELP)
                .orderType(OrderTypeCode.PRESALE_BALANCE)
                .orderStatus(OrderStatusCode.SHIPPED)
                .statusChangeTime(ZonedDateTime.of(2023, 11, 16, 10, 0, 0, 0, ZONE))
                .goodsNumTotal(2)
                .goodsAmountTotal(new BigDecimal("100.00"))
                .freightAmount(new BigDecimal("10"))
                .orderAmount(new BigDecimal("110.000"))
                .payableAmount(new BigDecimal("100.00"))
                .paymentAmount(new BigDecimal("95.5"))
                .userInfo(UserInfo.builder().openId("oOPENID0002").appId("wxAPPID0001").unionId("oUNIONID0002")
                        .userId("U-0002").memberId("M-0002").cardLevel("gold")
                        .userFirstOrderTime(OffsetDateTime.parse("2023-07-22T12:26:40+08:00"))
                        .userPhone(USER_PHONE).build())
                .goods(GoodsInfo.builder().sku("SKU-C", "茶杯").spu("SPU-C", "杯子").goodsNum(2)
                        .goodsAmount(new BigDecimal("50.00")).paymentAmount(new BigDecimal("95.50"))
                        .isGift(IsGift.NOT_GIFT).primaryImageUrl("https://img.example.com/c.jpg").saleUnit("个")
                        .category("CAT-9", "餐具").goodsWeight(new BigDecimal("300"))
                        .storeInfo(StoreInfo.of("ST-1", "徐汇店", "上海"))
                        .chan(ChanInfo.builder().chanScene("1089")
                                .chanCustom(ChanCustom.builder().id("mp-article-1", "文章1").cat3("mp-article", "公众号文章").build())
                                .chanReferAppId("wxREFER0001").chanId("CH-1").build())
                        .commission(CommissionType.PERCENTAGE, new BigDecimal("3.5"))
                        .build())
                .coupon(CouponInfo.of(CouponType.WECHAT_PAY, new BigDecimal("4.50"),
                        CouponDetail.of("WXCPN-1", "STOCK-1", "立减4.5", new BigDecimal("4.50"))))
                .payment(PaymentInfo.of(PaymentInfo.WECHAT_PAY, "4200000000000002", new BigDecimal("95.50")))
                .promotion(PromotionInfo.of(PromotionType.MEMBER_PRICE,
                        PromotionDetail.of("PROMO-1", "会员价", new BigDecimal("10.00"))))
                .expressInfo(ExpressInfo.builder().logisticsStatus("shipped").goodsTotalWeight(new BigDecimal("300"))
                        .receiverName("张三").receiverPhone(RECEIVER_PHONE).receiverAddress("上海市徐汇区某路1号")
                        .receiverRegion("CN", "310000", "310100", "310104")
                        .expectedDeliveryTime("9:00-12:00").expectedDeliveryDate(LocalDate.of(2023, 11, 18))
                        .expressPackage(ExpressPackage.builder().expressCompany("SF", "顺丰速运").expressCode("SF1234567890")
                                .shipTime(Instant.ofEpochMilli(1_700_100_000_000L))
                                .expressPage(ExpressPage.of("pages/track?id=SF1234567890", "wxTRACK0001",
                                        "https://track.example.com/SF1234567890"))
                                .goods("SKU-C", 2).build())
                        .build())
                .invoice(InvoiceInfo.builder().ifNeedInvoice(true).invoiceType("1001").invoiceTitle("某公司")
                        .invoiceContent("餐具").invoiceAdditionInfo("无").invoiceCompany("某公司")
                        .invoiceTaxpayer("91310000XXXXXXXX").registryAddress("上海市某路2号").registryPhone(REGISTRY_PHONE)
                        .registryBankName("某银行").registryBankAccount("6222000000000000")
                        .invoiceDeliveryAddress("上海市某路3号").invoiceDeliveryName("李四")
                        .invoiceDeliveryPhone(INVOICE_DELIVERY_PHONE).invoiceNum("INV-1").build())
                .brand("BR-1", "某品牌")
                .goodsWeight(new BigDecimal("300"))
                .pointsTotal(new BigDecimal("95"))
                .isDeleted(IsDeleted.NOT_DELETED)
                .wechatPay("1900000001", "wxAPPID0001")
                .wechatPaySubMerchant("1900000002", "wxSUBAPP0001")
                .wechatPayCombine("1900000003", "wxCOMBINE0001")
                .build();
    }

    /** ORD-0001 shipped. */
    public static OrderStatusUpdate statusUpdate() {
        return OrderStatusUpdate.of("ORD-0001", OrderStatusCode.SHIPPED, OffsetDateTime.parse("2023-11-16T10:00:00+08:00"));
    }

    /** The socks of ORD-0001 returned and refunded. */
    public static ReturnOrder returnOrder() {
        return ReturnOrder.builder()
                .externalReturnOrderId("RET-0001")
                .externalOrderId("ORD-0001")
                .returnCreateTime(LocalDateTime.of(2023, 11, 16, 0, 0))
                .returnNum(1)
                .returnAmount(new BigDecimal("34.85"))
                .returnFreightAmount(BigDecimal.ZERO)
                .returnOrderAmount(new BigDecimal("34.85"))
                .statusChangeTime(1_700_100_000_000L)
                .returnGoods(ReturnGoodsInfo.builder().skuWithoutSpu("SKU-B", "袜子").isGift(IsGift.NOT_GIFT)
                        .returnGoodsAmount(new BigDecimal("34.85")).returnGoodsNum(1).build())
                .build();
    }

    /** The totals of 2023-11-16 in {@link #ZONE}. */
    public static OrderSum dailyTotal() {
        return OrderSum.builder()
                .refDate(LocalDate.of(2023, 11, 16))
                .giveOrderAmountSum(new BigDecimal("1024.5"))
                .giveOrderNumSum(12)
                .paymentAmountSum(new BigDecimal("880"))
                .payedNumSum(10)
                .build();
    }
}
