package io.github.youshu.benchmarks.shop;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.TrackMessage;
import java.util.HashMap;
import java.util.Map;

/**
 * The peer most users would pick instead: Segment's asynchronous analytics SDK. The business
 * method hands the same six values the starter's annotation reports (order id, order time, order
 * amount, pay amount, open id, page) and the status to {@link Analytics#enqueue}, which batches
 * and posts them on its own threads.
 */
public class SegmentReportingOrderService implements OrderService {

    private final OrderBook book;
    private final Analytics analytics;

    public SegmentReportingOrderService(OrderBook book, Analytics analytics) {
        this.book = book;
        this.analytics = analytics;
    }

    @Override
    public ShopOrder pay(String orderId) {
        ShopOrder order = book.find(orderId);
        Map<String, Object> properties = new HashMap<>(8);
        properties.put("order_id", order.id());
        properties.put("order_time", order.createdAt().toEpochMilli());
        properties.put("order_amount", order.total());
        properties.put("pay_amount", order.paid());
        properties.put("page", BenchApp.PAGE);
        properties.put("order_status", "payed");
        analytics.enqueue(TrackMessage.builder("custom_order").userId(order.openId()).properties(properties));
        return order;
    }
}
