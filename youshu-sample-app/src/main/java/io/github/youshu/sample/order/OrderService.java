package io.github.youshu.sample.order;

import io.github.youshu.annotation.ReportOrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order life of the sample shop. Reporting to Youshu is declared by the annotations alone:
 * no method body mentions Youshu. Each report is written to the outbox in the same transaction as
 * the order change, so it commits or rolls back with it.
 */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final Clock clock;

    public OrderService(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** The buyer submits an order. */
    @Transactional
    @ReportOrderStatus(status = "give_order", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.payable")
    public ShopOrder placeOrder(String openId, BigDecimal total, BigDecimal payable) {
        ShopOrder order = new ShopOrder("SO" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), openId,
                OrderState.PLACED, total, payable, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        orders.insert(order);
        return order;
    }

    /** The buyer cancels an order before paying. */
    @Transactional
    @ReportOrderStatus(status = "cancel_give_order", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.payable")
    public ShopOrder cancelOrder(String orderId) {
        return moveTo(orderId, OrderState.CANCELLED);
    }

    /** The buyer starts paying: the payment sheet opens. */
    @Transactional
    @ReportOrderStatus(status = "pay", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.payable")
    public ShopOrder startPayment(String orderId) {
        return moveTo(orderId, OrderState.PAYING);
    }

    /** The buyer closes the payment sheet without paying. */
    @Transactional
    @ReportOrderStatus(status = "cancel_pay", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.payable")
    public ShopOrder closePayment(String orderId) {
        return moveTo(orderId, OrderState.PLACED);
    }

    /** WeChat Pay confirms the payment. */
    @Transactional
    @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.payable")
    public ShopOrder confirmPayment(String orderId) {
        return moveTo(orderId, OrderState.PAID);
    }

    /** The buyer asks for a refund. */
    @Transactional
    @ReportOrderStatus(status = "refund", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.payable")
    public ShopOrder requestRefund(String orderId) {
        return moveTo(orderId, OrderState.REFUND_REQUESTED);
    }

    private ShopOrder moveTo(String orderId, OrderState state) {
        ShopOrder order = orders.find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        orders.updateStatus(orderId, state);
        return order.withStatus(state);
    }
}
