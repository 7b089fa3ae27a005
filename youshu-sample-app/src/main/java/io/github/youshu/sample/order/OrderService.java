package io.github.youshu.sample.order;

import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.annotation.SyncOrder;
import io.github.youshu.annotation.SyncOrderStatus;
import io.github.youshu.annotation.SyncReturnOrder;
import io.github.youshu.sample.catalog.Catalog;
import io.github.youshu.sample.catalog.Coupon;
import io.github.youshu.sample.catalog.Sku;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order life of the sample shop. Reporting to Youshu is declared by the annotations alone: no
 * method body mentions Youshu. Two kinds, side by side:
 * <ul>
 *   <li>{@code @ReportOrderStatus}: the behaviour event {@code custom_order} (what the buyer did);</li>
 *   <li>{@code @SyncOrder} / {@code @SyncOrderStatus} / {@code @SyncReturnOrder}: the backend order data
 *       (data-api: {@code order/add_order} through {@code ShopOrderMapper}, {@code order/update},
 *       {@code return_order/add} through {@code ShopRefundMapper}).</li>
 * </ul>
 * Everything is written to the outbox in the same transaction as the order change, so it commits or
 * rolls back with it.
 */
@Service
public class OrderService {

    /** The states each step may start from. */
    private static final Map<OrderState, Set<OrderState>> ALLOWED_FROM = Map.of(
            OrderState.PAYING, Set.of(OrderState.PLACED),
            OrderState.PLACED, Set.of(OrderState.PAYING),
            OrderState.CANCELLED, Set.of(OrderState.PLACED, OrderState.PAYING),
            OrderState.PAID, Set.of(OrderState.PLACED, OrderState.PAYING),
            OrderState.SHIPPED, Set.of(OrderState.PAID),
            OrderState.COMPLETED, Set.of(OrderState.SHIPPED),
            OrderState.REFUND_REQUESTED, Set.of(OrderState.PAID, OrderState.SHIPPED, OrderState.COMPLETED),
            OrderState.RETURNED, Set.of(OrderState.REFUND_REQUESTED));

    private final OrderRepository orders;
    private final Catalog catalog;
    private final Clock clock;

    public OrderService(OrderRepository orders, Catalog catalog, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What the buyer orders: a SKU and how many. */
    public record LineRequest(String skuId, int quantity) {
    }

    /**
     * The buyer submits an order of one or more lines, with an optional coupon.
     *
     * @throws InvalidOrderException when a SKU or the coupon is unknown, a quantity is below 1 or the coupon
     *                               takes off more than the goods cost
     */
    @Transactional
    @ReportOrderStatus(status = "give_order", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.payable")
    @SyncOrder(order = "#result")
    public ShopOrder placeOrder(String openId, List<LineRequest> lineRequests, String couponId) {
        if (lineRequests == null || lineRequests.isEmpty()) {
            throw new InvalidOrderException("an order needs at least one line: {\"lines\":[{\"skuId\":…,\"quantity\":1}]}");
        }
        List<Sku> skus = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (LineRequest request : lineRequests) {
            if (request.quantity() < 1) {
                throw new InvalidOrderException("quantity of " + request.skuId() + " must be at least 1");
            }
            Sku sku = catalog.sku(request.skuId())
                    .orElseThrow(() -> new InvalidOrderException("no SKU " + request.skuId() + ": see GET /products"));
            skus.add(sku);
            total = total.add(sku.price().multiply(BigDecimal.valueOf(request.quantity())));
        }
        Coupon coupon = couponId == null ? null : catalog.coupon(couponId)
                .orElseThrow(() -> new InvalidOrderException("no coupon " + couponId));
        BigDecimal couponAmount = coupon == null ? BigDecimal.ZERO.setScale(2) : coupon.amount();
        if (couponAmount.compareTo(total) > 0) {
            throw new InvalidOrderException("coupon " + couponId + " takes off more than the goods cost");
        }
        BigDecimal payable = total.subtract(couponAmount);
        List<OrderLine> lines = apportion(lineRequests, skus, total, payable);
        Instant now = now();
        ShopOrder order = new ShopOrder("SO" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), openId,
                OrderState.PLACED, lines, total, couponId, couponAmount, payable, null, now, null, now);
        orders.insert(order, clock.getZone());
        return order;
    }

    /** The buyer cancels an order before paying. */
    @Transactional
    @ReportOrderStatus(status = "cancel_give_order", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.payable")
    @SyncOrderStatus(orderId = "#result.id", status = "1130", time = "#result.updatedAt")
    public ShopOrder cancelOrder(String orderId) {
        return moveTo(orderId, OrderState.CANCELLED);
    }

    /** The buyer starts paying: the payment sheet opens (the order stays 1110 at Youshu). */
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

    /**
     * WeChat Pay confirms the payment (its notification carries the transaction id): the whole order
     * is sent again, now with status 1150 and its payment.
     *
     * @param transactionId WeChat Pay's transaction id, or {@code null} to make one up (demo)
     */
    @Transactional
    @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.payable")
    @SyncOrder(order = "#result")
    public ShopOrder confirmPayment(String orderId, String transactionId) {
        ShopOrder order = find(orderId);
        checkStep(order, OrderState.PAID);
        String transaction = transactionId != null ? transactionId
                : "4200" + String.format("%024d", ThreadLocalRandom.current().nextLong(0, Long.MAX_VALUE));
        orders.markPaid(orderId, transaction, now(), clock.getZone());
        return find(orderId);
    }

    /** The merchant ships the order: 1160. */
    @Transactional
    @SyncOrderStatus(orderId = "#orderId", status = "1160", time = "#result.updatedAt")
    public ShopOrder ship(String orderId) {
        return moveTo(orderId, OrderState.SHIPPED);
    }

    /** The buyer confirms receipt (or the shop does after the waiting period): 1180. */
    @Transactional
    @SyncOrderStatus(orderId = "#orderId", status = "COMPLETED", time = "#result.updatedAt")
    public ShopOrder complete(String orderId) {
        return moveTo(orderId, OrderState.COMPLETED);
    }

    /** The buyer asks for a refund: the behaviour event {@code refund}, and 1280 (refund in progress). */
    @Transactional
    @ReportOrderStatus(status = "refund", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.payable")
    @SyncOrderStatus(orderId = "#orderId", status = "1280", time = "#result.updatedAt")
    public ShopOrder requestRefund(String orderId) {
        return moveTo(orderId, OrderState.REFUND_REQUESTED);
    }

    /**
     * The goods came back and the buyer got the money back: the return order ({@code return_order/add},
     * through {@code ShopRefundMapper}) and the order's status 1290.
     */
    @Transactional
    @SyncReturnOrder(returnOrder = "#result")
    @SyncOrderStatus(orderId = "#orderId", status = "1290", time = "#result.completedAt")
    public ShopRefund completeReturn(String orderId) {
        ShopOrder returned = moveTo(orderId, OrderState.RETURNED);
        String refundId = "RF" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        orders.insertRefund(refundId, orderId, returned.payable(), returned.updatedAt());
        return new ShopRefund(refundId, returned, returned.payable(), returned.updatedAt());
    }

    /** The order as stored. @throws OrderNotFoundException when there is none */
    @Transactional(readOnly = true)
    public ShopOrder find(String orderId) {
        return orders.find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    private ShopOrder moveTo(String orderId, OrderState state) {
        checkStep(find(orderId), state);
        orders.updateStatus(orderId, state, now());
        return find(orderId);
    }

    private static void checkStep(ShopOrder order, OrderState next) {
        if (!ALLOWED_FROM.get(next).contains(order.status())) {
            throw new InvalidOrderException("order " + order.id() + " is " + order.status() + ": it cannot become "
                    + next + " (only from " + ALLOWED_FROM.get(next) + ")");
        }
    }

    /** Shares {@code payable} over the lines in proportion to their amounts; the last line takes the rounding. */
    private static List<OrderLine> apportion(List<LineRequest> requests, List<Sku> skus, BigDecimal total,
                                             BigDecimal payable) {
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal left = payable;
        for (int i = 0; i < requests.size(); i++) {
            Sku sku = skus.get(i);
            int quantity = requests.get(i).quantity();
            BigDecimal amount = sku.price().multiply(BigDecimal.valueOf(quantity));
            BigDecimal share = i == requests.size() - 1 ? left
                    : amount.multiply(payable).divide(total, 2, RoundingMode.HALF_UP);
            left = left.subtract(share);
            lines.add(new OrderLine(i + 1, sku.skuId(), sku.spuId(), sku.spuName(), sku.name(), quantity, sku.price(),
                    share));
        }
        return lines;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
