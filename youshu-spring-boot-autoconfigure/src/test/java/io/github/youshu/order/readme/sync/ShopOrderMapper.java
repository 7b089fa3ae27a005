package io.github.youshu.order.readme.sync;

import io.github.youshu.order.GoodsInfo;
import io.github.youshu.order.OrderSource;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderTypeCode;
import io.github.youshu.order.PaymentInfo;
import io.github.youshu.order.UserInfo;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.order.YoushuOrderMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

@Component
public class ShopOrderMapper implements YoushuOrderMapper<ShopOrder> {

    @Override
    public YoushuOrder map(ShopOrder order) {
        boolean paid = order.paidAt() != null;
        BigDecimal total = order.unitPrice().multiply(BigDecimal.valueOf(order.quantity()));
        YoushuOrder.Builder youshu = YoushuOrder.builder()
                .externalOrderId(order.id())
                .createTime(order.createdAt())
                .orderSource(OrderSource.WXAPP)
                .orderType(OrderTypeCode.NORMAL)
                .orderStatus(paid ? OrderStatusCode.PAID : OrderStatusCode.CREATED)
                .statusChangeTime(paid ? order.paidAt() : order.createdAt())
                .goodsNumTotal(order.quantity())
                .goodsAmountTotal(total)
                .freightAmount(BigDecimal.ZERO)
                .orderAmount(total)
                .payableAmount(total)
                .paymentAmount(total)
                .userInfo(UserInfo.builder().openId(order.openId()).appId("wx0123456789abcdef").build())
                .goods(GoodsInfo.builder()
                        .skuWithoutSpu(order.sku(), order.skuName())
                        .goodsNum(order.quantity())
                        .goodsAmount(order.unitPrice())
                        .paymentAmount(total)
                        .build());
        if (paid) {
            youshu.payment(PaymentInfo.of(PaymentInfo.WECHAT_PAY, order.transactionId(), total));
        }
        return youshu.build();
    }
}
