package io.github.youshu.order;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

/**
 * A full order, the item of {@code order/add_order} (data-api.md §4): adds the order or replaces
 * what Youshu holds for its {@code external_order_id}. Money in yuan (at most 2 decimals, never
 * negative); the amounts chain as {@code order_amount = goods_amount_total + freight_amount} and
 * {@code payment_amount ≤ payable_amount ≤ order_amount} (§6).
 *
 * <pre>{@code
 * YoushuOrder order = YoushuOrder.builder()
 *         .externalOrderId("ORD-0001")
 *         .createTime(Instant.parse("2023-11-14T22:13:20Z"))
 *         .orderSource(OrderSource.WXAPP).orderType(OrderTypeCode.NORMAL)
 *         .orderStatus(OrderStatusCode.PAID).statusChangeTime(Instant.parse("2023-11-14T22:14:25Z"))
 *         .goodsNumTotal(1)
 *         .goodsAmountTotal(new BigDecimal("39.90")).freightAmount(BigDecimal.ZERO)
 *         .orderAmount(new BigDecimal("39.90")).payableAmount(new BigDecimal("39.90"))
 *         .paymentAmount(new BigDecimal("39.90"))
 *         .userInfo(UserInfo.builder().openId("oOPENID0001").appId("wxAPPID0001").userPhone("138 0013 8000").build())
 *         .goods(GoodsInfo.builder().skuWithoutSpu("SKU-B", "袜子").goodsNum(1)
 *                 .goodsAmount(new BigDecimal("39.90")).paymentAmount(new BigDecimal("39.90")).build())
 *         .payment(PaymentInfo.of(PaymentInfo.WECHAT_PAY, "4200000000000001", new BigDecimal("39.90")))
 *         .build();
 * }</pre>
 *
 * @param externalOrderId  {@code external_order_id}: the merchant's order number; required
 * @param createTime       {@code create_time}: when the order was created; required
 * @param orderSource      {@code order_source}; required
 * @param orderType        {@code order_type}; required
 * @param orderStatus      {@code order_status}; required
 * @param statusChangeTime {@code status_change_time}: when the order entered {@code order_status}; required
 * @param goodsNumTotal    {@code goods_num_total}: units in the order, at least 1; required
 * @param goodsAmountTotal {@code goods_amount_total}: goods total after item-level discounts; required
 * @param freightAmount    {@code freight_amount}: shipping fee, 0 when free; required
 * @param orderAmount      {@code order_amount}: {@code goods_amount_total + freight_amount}; required
 * @param payableAmount    {@code payable_amount}: {@code order_amount} − order-level discounts; required
 * @param paymentAmount    {@code payment_amount}: {@code payable_amount} − payment-channel discounts,
 *                         what the buyer paid; required
 * @param userInfo         {@code user_info}: the buyer; required
 * @param goodsInfo        {@code goods_info}: one line per SKU; required, not empty; never {@code null}
 * @param couponInfo       {@code coupon_info}: {@code null} (left out) or unmodifiable
 * @param paymentInfo      {@code payment_info}: required unless the status is {@code 1110};
 *                         {@code null} (left out) or unmodifiable
 * @param promotionInfo    {@code promotion_info}: {@code null} (left out) or unmodifiable
 * @param expressInfo      {@code express_info}; optional
 * @param invoiceInfo      {@code invoice_info}: {@code null} (left out) or unmodifiable
 * @param brandId          {@code brand_id}; optional
 * @param brandName        {@code brand_name}; optional
 * @param goodsWeight      {@code goods_weight}: grams; optional
 * @param pointsTotal      {@code points_total}: points granted; optional
 * @param isDeleted        {@code is_deleted}; optional (Youshu takes 0)
 * @param mchid            {@code mchid}: WeChat Pay merchant id; optional
 * @param appid            {@code appid}: WeChat Pay appid; optional
 * @param subMchid         {@code sub_mchid}: required in service-provider mode (when {@code sub_appid} is given)
 * @param subAppid         {@code sub_appid}; optional
 * @param combineMchid     {@code combine_mchid}; optional
 * @param combineAppid     {@code combine_appid}; optional
 */
public record YoushuOrder(String externalOrderId, DataApiTime createTime, OrderSource orderSource,
                          OrderTypeCode orderType, OrderStatusCode orderStatus, DataApiTime statusChangeTime,
                          Integer goodsNumTotal, @Money BigDecimal goodsAmountTotal, @Money BigDecimal freightAmount,
                          @Money BigDecimal orderAmount, @Money BigDecimal payableAmount,
                          @Money BigDecimal paymentAmount, UserInfo userInfo, List<GoodsInfo> goodsInfo,
                          List<CouponInfo> couponInfo, List<PaymentInfo> paymentInfo,
                          List<PromotionInfo> promotionInfo, ExpressInfo expressInfo, List<InvoiceInfo> invoiceInfo,
                          String brandId, String brandName, BigDecimal goodsWeight, BigDecimal pointsTotal,
                          IsDeleted isDeleted, String mchid, String appid, String subMchid, String subAppid,
                          String combineMchid, String combineAppid) implements DataApiItem {

    /** @throws NullPointerException when a list holds a {@code null} */
    public YoushuOrder {
        goodsInfo = goodsInfo == null ? List.of() : List.copyOf(goodsInfo);
        couponInfo = couponInfo == null ? null : List.copyOf(couponInfo);
        paymentInfo = paymentInfo == null ? null : List.copyOf(paymentInfo);
        promotionInfo = promotionInfo == null ? null : List.copyOf(promotionInfo);
        invoiceInfo = invoiceInfo == null ? null : List.copyOf(invoiceInfo);
    }

    /** {@link DataApiEndpoint#ADD_ORDER}. */
    @Override
    public DataApiEndpoint endpoint() {
        return DataApiEndpoint.ADD_ORDER;
    }

    /** {@code external_order_id}. */
    @Override
    public String orderId() {
        return externalOrderId;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this order's values. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.externalOrderId = externalOrderId;
        builder.createTime = createTime;
        builder.orderSource = orderSource;
        builder.orderType = orderType;
        builder.orderStatus = orderStatus;
        builder.statusChangeTime = statusChangeTime;
        builder.goodsNumTotal = goodsNumTotal;
        builder.goodsAmountTotal = goodsAmountTotal;
        builder.freightAmount = freightAmount;
        builder.orderAmount = orderAmount;
        builder.payableAmount = payableAmount;
        builder.paymentAmount = paymentAmount;
        builder.userInfo = userInfo;
        builder.goodsInfo = new ArrayList<>(goodsInfo);
        builder.couponInfo = mutableOrNull(couponInfo);
        builder.paymentInfo = mutableOrNull(paymentInfo);
        builder.promotionInfo = mutableOrNull(promotionInfo);
        builder.expressInfo = expressInfo;
        builder.invoiceInfo = mutableOrNull(invoiceInfo);
        builder.brandId = brandId;
        builder.brandName = brandName;
        builder.goodsWeight = goodsWeight;
        builder.pointsTotal = pointsTotal;
        builder.isDeleted = isDeleted;
        builder.mchid = mchid;
        builder.appid = appid;
        builder.subMchid = subMchid;
        builder.subAppid = subAppid;
        builder.combineMchid = combineMchid;
        builder.combineAppid = combineAppid;
        return builder;
    }

    private static <T> List<T> mutableOrNull(List<T> list) {
        return list == null ? null : new ArrayList<>(list);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> result = list == null ? new ArrayList<>() : list;
        result.add(item);
        return result;
    }

    /** Builds a {@link YoushuOrder}; {@link #build()} checks nothing: validate with {@code OrderValidator}. */
    public static final class Builder {
        private String externalOrderId;
        private DataApiTime createTime;
        private OrderSource orderSource;
        private OrderTypeCode orderType;
        private OrderStatusCode orderStatus;
        private DataApiTime statusChangeTime;
        private Integer goodsNumTotal;
        private BigDecimal goodsAmountTotal;
        private BigDecimal freightAmount;
        private BigDecimal orderAmount;
        private BigDecimal payableAmount;
        private BigDecimal paymentAmount;
        private UserInfo userInfo;
        private List<GoodsInfo> goodsInfo = new ArrayList<>();
        private List<CouponInfo> couponInfo;
        private List<PaymentInfo> paymentInfo;
        private List<PromotionInfo> promotionInfo;
        private ExpressInfo expressInfo;
        private List<InvoiceInfo> invoiceInfo;
        private String brandId;
        private String brandName;
        private BigDecimal goodsWeight;
        private BigDecimal pointsTotal;
        private IsDeleted isDeleted;
        private String mchid;
        private String appid;
        private String subMchid;
        private String subAppid;
        private String combineMchid;
        private String combineAppid;

        private Builder() {
        }

        /** {@code external_order_id}. */
        public Builder externalOrderId(String externalOrderId) {
            this.externalOrderId = externalOrderId;
            return this;
        }

        /** {@code create_time} in epoch milliseconds. */
        public Builder createTime(long epochMillis) {
            this.createTime = DataApiTime.ofEpochMilli(epochMillis);
            return this;
        }

        /** {@code create_time}: see {@link DataApiTime#of(Temporal)}. */
        public Builder createTime(Temporal createTime) {
            this.createTime = DataApiTime.ofNullable(createTime);
            return this;
        }

        /** {@code order_source}. */
        public Builder orderSource(OrderSource orderSource) {
            this.orderSource = orderSource;
            return this;
        }

        /** {@code order_type}. */
        public Builder orderType(OrderTypeCode orderType) {
            this.orderType = orderType;
            return this;
        }

        /** {@code order_status}. */
        public Builder orderStatus(OrderStatusCode orderStatus) {
            this.orderStatus = orderStatus;
            return this;
        }

        /** {@code status_change_time} in epoch milliseconds. */
        public Builder statusChangeTime(long epochMillis) {
            this.statusChangeTime = DataApiTime.ofEpochMilli(epochMillis);
            return this;
        }

        /** {@code status_change_time}: see {@link DataApiTime#of(Temporal)}. */
        public Builder statusChangeTime(Temporal statusChangeTime) {
            this.statusChangeTime = DataApiTime.ofNullable(statusChangeTime);
            return this;
        }

        /** {@code goods_num_total}: units in the order, at least 1. */
        public Builder goodsNumTotal(Integer goodsNumTotal) {
            this.goodsNumTotal = goodsNumTotal;
            return this;
        }

        /** {@code goods_amount_total}: goods total after item-level discounts, yuan. */
        public Builder goodsAmountTotal(BigDecimal goodsAmountTotal) {
            this.goodsAmountTotal = goodsAmountTotal;
            return this;
        }

        /** {@code freight_amount}: shipping fee, 0 when free, yuan. */
        public Builder freightAmount(BigDecimal freightAmount) {
            this.freightAmount = freightAmount;
            return this;
        }

        /** {@code order_amount}: {@code goods_amount_total + freight_amount}, yuan. */
        public Builder orderAmount(BigDecimal orderAmount) {
            this.orderAmount = orderAmount;
            return this;
        }

        /** {@code payable_amount}: {@code order_amount} − order-level discounts, yuan. */
        public Builder payableAmount(BigDecimal payableAmount) {
            this.payableAmount = payableAmount;
            return this;
        }

        /** {@code payment_amount}: what the buyer paid, yuan. */
        public Builder paymentAmount(BigDecimal paymentAmount) {
            this.paymentAmount = paymentAmount;
            return this;
        }

        /** {@code user_info}. */
        public Builder userInfo(UserInfo userInfo) {
            this.userInfo = userInfo;
            return this;
        }

        /** Adds a line to {@code goods_info}. */
        public Builder goods(GoodsInfo goods) {
            goodsInfo.add(goods);
            return this;
        }

        /** Replaces {@code goods_info}. */
        public Builder goodsInfo(List<GoodsInfo> goodsInfo) {
            this.goodsInfo = new ArrayList<>(goodsInfo);
            return this;
        }

        /** Adds the coupons of one type to {@code coupon_info}. */
        public Builder coupon(CouponInfo coupon) {
            couponInfo = append(couponInfo, coupon);
            return this;
        }

        /** Replaces {@code coupon_info}; {@code null} leaves it out. */
        public Builder couponInfo(List<CouponInfo> couponInfo) {
            this.couponInfo = mutableOrNull(couponInfo);
            return this;
        }

        /** Adds a payment to {@code payment_info}. */
        public Builder payment(PaymentInfo payment) {
            paymentInfo = append(paymentInfo, payment);
            return this;
        }

        /** Replaces {@code payment_info}; {@code null} leaves it out. */
        public Builder paymentInfo(List<PaymentInfo> paymentInfo) {
            this.paymentInfo = mutableOrNull(paymentInfo);
            return this;
        }

        /** Adds the promotions of one type to {@code promotion_info}. */
        public Builder promotion(PromotionInfo promotion) {
            promotionInfo = append(promotionInfo, promotion);
            return this;
        }

        /** {@code express_info}. */
        public Builder expressInfo(ExpressInfo expressInfo) {
            this.expressInfo = expressInfo;
            return this;
        }

        /** Adds an invoice to {@code invoice_info}. */
        public Builder invoice(InvoiceInfo invoice) {
            invoiceInfo = append(invoiceInfo, invoice);
            return this;
        }

        /** {@code brand_id} and {@code brand_name}. */
        public Builder brand(String brandId, String brandName) {
            this.brandId = brandId;
            this.brandName = brandName;
            return this;
        }

        /** {@code goods_weight} in grams. */
        public Builder goodsWeight(BigDecimal grams) {
            this.goodsWeight = grams;
            return this;
        }

        /** {@code points_total}: points granted. */
        public Builder pointsTotal(BigDecimal pointsTotal) {
            this.pointsTotal = pointsTotal;
            return this;
        }

        /** {@code is_deleted}. */
        public Builder isDeleted(IsDeleted isDeleted) {
            this.isDeleted = isDeleted;
            return this;
        }

        /** {@code mchid} and {@code appid}: the WeChat Pay merchant and appid. */
        public Builder wechatPay(String mchid, String appid) {
            this.mchid = mchid;
            this.appid = appid;
            return this;
        }

        /** {@code sub_mchid} and {@code sub_appid}: the sub-merchant in service-provider mode. */
        public Builder wechatPaySubMerchant(String subMchid, String subAppid) {
            this.subMchid = subMchid;
            this.subAppid = subAppid;
            return this;
        }

        /** {@code combine_mchid} and {@code combine_appid}: the merchant of a combined payment. */
        public Builder wechatPayCombine(String combineMchid, String combineAppid) {
            this.combineMchid = combineMchid;
            this.combineAppid = combineAppid;
            return this;
        }

        /** The {@link YoushuOrder} of the values set; checks no rule (see {@code OrderValidator}). */
        public YoushuOrder build() {
            return new YoushuOrder(externalOrderId, createTime, orderSource, orderType, orderStatus, statusChangeTime,
                    goodsNumTotal, goodsAmountTotal, freightAmount, orderAmount, payableAmount, paymentAmount, userInfo,
                    goodsInfo, couponInfo, paymentInfo, promotionInfo, expressInfo, invoiceInfo, brandId, brandName,
                    goodsWeight, pointsTotal, isDeleted, mchid, appid, subMchid, subAppid, combineMchid, combineAppid);
        }
    }
}
