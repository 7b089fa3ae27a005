package io.github.youshu.sample.youshu;

import io.github.youshu.order.CouponDetail;
import io.github.youshu.order.CouponInfo;
import io.github.youshu.order.CouponType;
import io.github.youshu.order.GoodsInfo;
import io.github.youshu.order.OrderSource;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderTypeCode;
import io.github.youshu.order.PaymentInfo;
import io.github.youshu.order.UserInfo;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.order.YoushuOrderMapper;
import io.github.youshu.sample.catalog.Catalog;
import io.github.youshu.sample.catalog.Coupon;
import io.github.youshu.sample.order.OrderLine;
import io.github.youshu.sample.order.OrderState;
import io.github.youshu.sample.order.ShopOrder;
import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns the shop's {@link ShopOrder} into Youshu's data-api order for {@code @SyncOrder} (data-api.md §4):
 * every line as a {@code goods_info} entry, the coupon as a merchant {@code coupon_info}, the WeChat Pay
 * payment as {@code payment_info} once paid. Runs inside the annotated method's transaction, so it may read
 * the shop's tables (the coupon's batch and name).
 */
@Component
public class ShopOrderMapper implements YoushuOrderMapper<ShopOrder> {

    private final Catalog catalog;
    private final String wxAppId;

    public ShopOrderMapper(Catalog catalog, @Value("${youshu.wx-app-id}") String wxAppId) {
        this.catalog = catalog;
        this.wxAppId = wxAppId;
    }

    @Override
    public YoushuOrder map(ShopOrder order) {
        YoushuOrder.Builder youshu = YoushuOrder.builder()
                .externalOrderId(order.id())
                .createTime(order.createdAt())
                .orderSource(OrderSource.WXAPP)
                .orderType(OrderTypeCode.NORMAL)
                .orderStatus(statusCode(order.status()))
                .statusChangeTime(order.updatedAt())
                .goodsNumTotal(order.quantity())
                .goodsAmountTotal(order.total())
                .freightAmount(BigDecimal.ZERO)
                .orderAmount(order.total())
                .payableAmount(order.payable())
                .paymentAmount(order.payable())
                .userInfo(UserInfo.builder().openId(order.openId()).appId(wxAppId).build());
        for (OrderLine line : order.lines()) {
            youshu.goods(GoodsInfo.builder()
                    .sku(line.skuId(), line.skuName())
                    .spu(line.spuId(), line.spuName())
                    .goodsNum(line.quantity())
                    .goodsAmount(line.unitPrice())
                    .paymentAmount(line.paymentAmount())
                    .build());
        }
        if (order.couponId() != null) {
            Coupon coupon = catalog.coupon(order.couponId()).orElseThrow(() -> new IllegalStateException(
                    "coupon " + order.couponId() + " of order " + order.id() + " is missing from shop_coupon"));
            youshu.coupon(CouponInfo.of(CouponType.MERCHANT, order.couponAmount(),
                    CouponDetail.of(coupon.couponId(), coupon.batchId(), coupon.name(), order.couponAmount())));
        }
        if (order.transactionId() != null) {
            youshu.payment(PaymentInfo.of(PaymentInfo.WECHAT_PAY, order.transactionId(), order.payable()));
        }
        return youshu.build();
    }

    /** The shop's state as one of the eight data-api statuses (data-api.md §8). */
    static OrderStatusCode statusCode(OrderState state) {
        return switch (state) {
            case PLACED, PAYING -> OrderStatusCode.CREATED;
            case CANCELLED -> OrderStatusCode.CANCELLED_BEFORE_PAYMENT;
            case PAID -> OrderStatusCode.PAID;
            case SHIPPED -> OrderStatusCode.SHIPPED;
            case COMPLETED -> OrderStatusCode.COMPLETED;
            case REFUND_REQUESTED -> OrderStatusCode.REFUND_IN_PROGRESS;
            case RETURNED -> OrderStatusCode.RETURN_AND_REFUND_COMPLETED;
        };
    }
}
