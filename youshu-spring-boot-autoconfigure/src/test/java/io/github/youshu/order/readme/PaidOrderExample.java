package io.github.youshu.order.readme;

import io.github.youshu.order.GoodsInfo;
import io.github.youshu.order.OrderJsonSerializer;
import io.github.youshu.order.OrderSource;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderTypeCode;
import io.github.youshu.order.PaymentInfo;
import io.github.youshu.order.UserInfo;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.order.validation.OrderValidationResult;
import io.github.youshu.order.validation.OrderValidator;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;

public class PaidOrderExample {

    public static YoushuOrder paidOrder() {
        return YoushuOrder.builder()
                .externalOrderId("ORD-0001")
                .createTime(LocalDateTime.of(2023, 11, 15, 6, 13, 20))
                .orderSource(OrderSource.WXAPP)
                .orderType(OrderTypeCode.NORMAL)
                .orderStatus(OrderStatusCode.PAID)
                .statusChangeTime(1_700_000_065_000L)
                .goodsNumTotal(1)
                .goodsAmountTotal(new BigDecimal("39.90"))
                .freightAmount(BigDecimal.ZERO)
                .orderAmount(new BigDecimal("39.90"))
                .payableAmount(new BigDecimal("39.90"))
                .paymentAmount(new BigDecimal("39.90"))
                .userInfo(UserInfo.builder()
                        .openId("oOPENID0001")
                        .appId("wxAPPID0001")
                        .userPhone("+86 138-0013-8000")
                        .build())
                .goods(GoodsInfo.builder()
                        .skuWithoutSpu("SKU-B", "袜子")
                        .goodsNum(1)
                        .goodsAmount(new BigDecimal("39.90"))
                        .paymentAmount(new BigDecimal("39.90"))
                        .build())
                .payment(PaymentInfo.of(PaymentInfo.WECHAT_PAY, "4200000000000001", new BigDecimal("39.90")))
                .build();
    }

    public static String paidOrderJson() {
        YoushuOrder order = paidOrder();
        OrderValidationResult result = new OrderValidator().validate(order);
        if (!result.isValid()) {
            throw result.toException();
        }
        return new OrderJsonSerializer(ZoneId.of("Asia/Shanghai")).toJson(order);
    }
}
