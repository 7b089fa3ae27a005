package io.github.youshu.benchmarks.shop;

import io.github.youshu.event.EventJsonSerializer;
import io.github.youshu.event.YoushuEvent;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;
import java.time.Clock;

/**
 * What users of the existing synchronous Youshu SDKs pay: the business method builds the event,
 * writes it as JSON and waits for one signed HTTP POST before it returns.
 */
public class SynchronouslyReportingOrderService implements OrderService {

    private final OrderBook book;
    private final YoushuTransport transport;
    private final EventJsonSerializer serializer = new EventJsonSerializer();
    private final Clock clock = Clock.systemUTC();

    public SynchronouslyReportingOrderService(OrderBook book, YoushuTransport transport) {
        this.book = book;
        this.transport = transport;
    }

    @Override
    public ShopOrder pay(String orderId) {
        ShopOrder order = book.find(orderId);
        YoushuEvent event = SampleEvents.payed(order, clock.instant());
        SendResult result = transport.send(serializer.toJsonBytes(event), 1);
        if (!result.isAccepted()) {
            throw new IllegalStateException("synchronous report failed: " + result);
        }
        return order;
    }
}
