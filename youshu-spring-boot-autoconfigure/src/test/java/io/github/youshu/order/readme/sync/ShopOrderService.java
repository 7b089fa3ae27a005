package io.github.youshu.order.readme.sync;

import io.github.youshu.annotation.SyncOrder;
import io.github.youshu.annotation.SyncOrderStatus;
import io.github.youshu.annotation.SyncReturnOrder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

@Service
public class ShopOrderService {

    private final ShopOrderRepository orders;

    public ShopOrderService(ShopOrderRepository orders) {
        this.orders = orders;
    }

    // order/add_order: the whole order, turned into a YoushuOrder by ShopOrderMapper
    @Transactional
    @SyncOrder(order = "#result")
    public ShopOrder pay(String orderId, String transactionId) {
        return orders.save(orders.find(orderId).paid(transactionId, Instant.now()));
    }

    // order/update: the status only (1160 = shipped)
    @Transactional
    @SyncOrderStatus(orderId = "#orderId", status = "1160", time = "#result.shippedAt")
    public Shipment ship(String orderId, String trackingNumber) {
        return orders.ship(orderId, trackingNumber);
    }

    // return_order/add: turned into a ReturnOrder by ShopRefundMapper
    @Transactional
    @SyncReturnOrder(returnOrder = "#result")
    public ShopRefund completeRefund(String refundId) {
        return orders.completeRefund(refundId);
    }
}
