package io.github.youshu.order.readme.sync;

import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.ReturnGoodsInfo;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.YoushuReturnOrderMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

@Component
public class ShopRefundMapper implements YoushuReturnOrderMapper<ShopRefund> {

    @Override
    public ReturnOrder map(ShopRefund refund) {
        ShopOrder order = refund.order();
        return ReturnOrder.builder()
                .externalReturnOrderId(refund.id())
                .externalOrderId(order.id())
                .returnCreateTime(refund.completedAt())
                .returnNum(order.quantity())
                .returnAmount(refund.amount())
                .returnFreightAmount(BigDecimal.ZERO)
                .returnOrderAmount(refund.amount())
                .returnOrderStatus(OrderStatusCode.RETURN_AND_REFUND_COMPLETED)
                .statusChangeTime(refund.completedAt())
                .returnGoods(ReturnGoodsInfo.builder()
                        .skuWithoutSpu(order.sku(), order.skuName())
                        .returnGoodsAmount(refund.amount())
                        .returnGoodsNum(order.quantity())
                        .build())
                .build();
    }
}
