package io.github.youshu.order.readme;

import io.github.youshu.YoushuOrders;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderStatusUpdate;
import io.github.youshu.order.YoushuOrder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

@Service
public class OrderSync {

    private final YoushuOrders youshuOrders;

    public OrderSync(YoushuOrders youshuOrders) {
        this.youshuOrders = youshuOrders;
    }

    @Transactional
    public void paid(YoushuOrder order) {
        // ... save the payment in your own tables ...
        youshuOrders.addOrder(order);   // order/add_order: the whole order (an upsert)
    }

    @Transactional
    public void shipped(String orderId) {
        // ... save the shipment ...
        youshuOrders.updateStatus(OrderStatusUpdate.of(orderId, OrderStatusCode.SHIPPED, Instant.now()));
    }
}
