package io.github.youshu.sample.youshu;

import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.ReturnGoodsInfo;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.YoushuReturnOrderMapper;
import io.github.youshu.sample.order.OrderLine;
import io.github.youshu.sample.order.ShopRefund;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Turns the shop's {@link ShopRefund} (a whole order returned and refunded) into Youshu's return order for
 * {@code @SyncReturnOrder} ({@code return_order/add}, data-api.md §7): status 1290, every line returned.
 */
@Component
public class ShopRefundMapper implements YoushuReturnOrderMapper<ShopRefund> {

    @Override
    public ReturnOrder map(ShopRefund refund) {
        ReturnOrder.Builder youshu = ReturnOrder.builder()
                .externalReturnOrderId(refund.id())
                .externalOrderId(refund.orderId())
                .returnCreateTime(refund.completedAt())
                .returnNum(refund.order().quantity())
                .returnAmount(refund.amount())
                .returnFreightAmount(BigDecimal.ZERO)
                .returnOrderAmount(refund.amount())
                .returnOrderStatus(OrderStatusCode.RETURN_AND_REFUND_COMPLETED)
                .statusChangeTime(refund.completedAt());
        for (OrderLine line : refund.order().lines()) {
            youshu.returnGoods(ReturnGoodsInfo.builder()
                    .sku(line.skuId(), line.skuName())
                    .spu(line.spuId(), line.spuName())
                    .returnGoodsAmount(line.paymentAmount())
                    .returnGoodsNum(line.quantity())
                    .build());
        }
        return youshu.build();
    }
}
