package io.github.youshu.benchmarks.shop;

/** The floor: the business method with nothing around it. */
public class PlainOrderService implements OrderService {

    private final OrderBook book;

    public PlainOrderService(OrderBook book) {
        this.book = book;
    }

    @Override
    public ShopOrder pay(String orderId) {
        return book.find(orderId);
    }
}
